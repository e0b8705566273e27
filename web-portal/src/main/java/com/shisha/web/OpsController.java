package com.shisha.web;

import com.shisha.core.pipeline.TurnStats;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Operator figures: turn latency over a window (default: the last 5 minutes). Aggregates only, no personal data.
 * Not on the public port in production, where operators read the metrics on the management port instead.
 */
@RestController
@org.springframework.context.annotation.Profile("!production")
class OpsController {

    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    private final TurnStats stats;

    OpsController(TurnStats stats) {
        this.stats = stats;
    }

    @GetMapping(path = "/ops/turns", produces = "application/json")
    ResponseEntity<?> turns(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until) {
        Instant to = until == null ? Instant.now() : until;
        Instant from = since == null ? to.minus(Duration.ofMinutes(5)) : since;
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad_window",
                    "message", "since must be before until, at most one day apart"));
        }
        TurnStats.Summary s = stats.summary(from, to);
        return ResponseEntity.ok(Map.of("since", from.toString(), "until", to.toString(), "turns", s.turns(),
                "p50_ms", s.p50Ms(), "p95_ms", s.p95Ms(), "p99_ms", s.p99Ms(), "max_ms", s.maxMs()));
    }
}
