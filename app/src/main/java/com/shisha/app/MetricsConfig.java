package com.shisha.app;

import com.shisha.core.console.OperationsFigures;
import com.shisha.core.pipeline.TurnStats;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Metrics for monitoring: Prometheus text at /actuator/prometheus, on the management port, which production keeps
 * on loopback (SHISHA_MANAGEMENT_PORT) so only operators' scrapers reach it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean(destroyMethod = "close")
    OperationsMetrics operationsMetrics(OperationsFigures figures, TurnStats turns, MeterRegistry meters, ShishaSettings settings) {
        return new OperationsMetrics(figures, turns, meters, settings.metricsSample());
    }
}
