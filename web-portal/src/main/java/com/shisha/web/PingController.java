package com.shisha.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cheapest endpoint the app has: the benchmark's baseline, and a liveness probe that touches nothing. */
@RestController
class PingController {

    @GetMapping(path = "/ping", produces = "text/plain")
    String ping() {
        return "pong";
    }
}
