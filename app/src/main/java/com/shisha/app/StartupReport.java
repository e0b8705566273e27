package com.shisha.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** Tells the operator where to go once the service is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("SHISHA is ready in {} ms. Portal: http://localhost:{}/  Chat simulator: http://localhost:{}/simulator  Health: http://localhost:{}/actuator/health",
                uptime, port, port, port);
    }
}
