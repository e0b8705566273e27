package com.shisha.app;

import com.shisha.core.console.OperationsFigures;
import com.shisha.core.pipeline.TurnStats;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Metrics for monitoring: Prometheus text at /actuator/prometheus, on the management port, which production keeps
 * on loopback (SHISHA_MANAGEMENT_PORT) so only operators' scrapers reach it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    /** SHISHA_METRICS_SAMPLE_SECONDS (default 15, 0 = off): how often the database figures are read. */
    @Bean(destroyMethod = "close")
    OperationsMetrics operationsMetrics(OperationsFigures figures, TurnStats turns, MeterRegistry meters, Environment env) {
        return new OperationsMetrics(figures, turns, meters,
                Duration.ofSeconds(new Env(env).integer("SHISHA_METRICS_SAMPLE_SECONDS", 15, 0, 3600)));
    }
}
