package com.shisha.app;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics a monitoring system scrapes, after real traffic: Prometheus text with SHISHA's own figures. */
class PrometheusMetricsTest extends AbstractApiTest {

    @Autowired
    OperationsMetrics metrics;

    @Autowired
    Handoffs handoffs;

    @Autowired
    com.shisha.core.voice.SpeechRecognizer speech;

    @Test
    void prometheusReadsQueuesLatencyHandoffsSendsAndTheModel() {
        String phone = freshPhone();
        partnerSays(phone, "hello", 0, true);
        partnerSays(phone, "Sunita", 1, true);
        handoffs.request(new ConversationKey(Channel.WHATSAPP, phone), Handoffs.Reason.PARTNER_ASKED, "metrics test");
        metrics.sample();

        Response scrape = get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        String text = scrape.body();
        assertThat(text).contains("shisha_inbox_waiting ", "shisha_outbox_waiting ", "shisha_outbox_lag_seconds ",
                "shisha_sends_failed_last_hour ", "shisha_deliveries_failed_last_hour ");
        assertThat(gauge(text, "shisha_handoffs{state=\"waiting\"}")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(text, "shisha_turns_recent")).isGreaterThanOrEqualTo(2);
        assertThat(gauge(text, "shisha_turn_latency_ms{quantile=\"0.95\"}")).isGreaterThan(0);
        assertThat(gauge(text, "shisha_sends_total{channel=\"whatsapp\",result=\"accepted\"}")).isGreaterThanOrEqualTo(2);
        assertThat(text).contains("shisha_webhooks_seconds_count{");

        // a coach question reaches the model (the stand-in has none installed): counted by outcome
        String token = tokenFor(freshPhone());
        call("POST", "/api/v1/coach/questions", token, Map.of("question", "How do I explain a term plan?"));
        assertThat(get("/actuator/prometheus", null).body()).contains("shisha_model_calls_seconds_count{outcome=\"not_installed\"}");
    }

    /** Every SHISHA series the Grafana dashboard plots is one the service really exports. */
    @Test
    void theDashboardPlotsOnlySeriesTheServiceExports() throws Exception {
        partnerSays(freshPhone(), "hello", 0, true);
        call("POST", "/api/v1/coach/questions", tokenFor(freshPhone()), Map.of("question", "What is a demat account?"));
        try {
            speech.recognize(new short[16_000], com.shisha.core.Language.EN, java.util.List.of());
        } catch (RuntimeException expected) {
            // no speech model here: the failure is counted all the same
        }
        metrics.sample();
        String scrape = get("/actuator/prometheus", null).body();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("..", "deploy", "grafana", "dashboards", "shisha.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("shisha_[a-z_]+").matcher(dashboard);
        java.util.Set<String> plotted = new java.util.TreeSet<>();
        while (m.find()) {
            plotted.add(m.group());
        }
        assertThat(plotted).hasSizeGreaterThanOrEqualTo(10);
        for (String series : plotted) {
            assertThat(scrape).as("the dashboard plots %s", series).containsPattern("(?m)^" + series + "[{ ]");
        }
    }

    /** The value of one sample line, by its name and labels as Prometheus writes them. */
    private static double gauge(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the scrape"));
    }
}
