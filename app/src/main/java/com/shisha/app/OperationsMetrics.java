package com.shisha.app;

import com.shisha.ai.llm.ChatLlm;
import com.shisha.ai.llm.LlmException;
import com.shisha.core.Channel;
import com.shisha.core.Language;
import com.shisha.core.OutboundMessage;
import com.shisha.core.console.OperationsFigures;
import com.shisha.core.pipeline.ChannelSender;
import com.shisha.core.pipeline.TurnStats;
import com.shisha.core.voice.SpeechRecognizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * SHISHA's own metrics for Prometheus (names as Micrometer writes them, e.g. {@code shisha_outbox_lag_seconds}).
 * Queue depths, lag, failures, handoffs and turn latency come from the database, sampled on one thread every few
 * seconds, so a scrape never queries and every instance reports the same cluster-wide figures; model, speech and
 * send outcomes are this instance's own, counted where they happen.
 */
final class OperationsMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);
    static final Duration TURN_WINDOW = Duration.ofMinutes(5);

    private final OperationsFigures figures;
    private final TurnStats turns;
    private final AtomicReference<OperationsFigures.Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<TurnStats.Summary> latency = new AtomicReference<>(new TurnStats.Summary(0, 0, 0, 0, 0));
    private final ScheduledExecutorService sampler;

    OperationsMetrics(OperationsFigures figures, TurnStats turns, MeterRegistry meters, Duration every) {
        this.figures = figures;
        this.turns = turns;
        snapshot.set(new OperationsFigures.Snapshot(Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0));
        gauge(meters, "shisha.inbox.waiting", "partner messages stored and not yet answered", OperationsFigures.Snapshot::inboxWaiting);
        gauge(meters, "shisha.outbox.waiting", "replies queued, not yet accepted by the provider", OperationsFigures.Snapshot::outboxWaiting);
        gauge(meters, "shisha.outbox.lag.seconds", "how long the oldest queued reply has been due", OperationsFigures.Snapshot::outboxLagSeconds);
        gauge(meters, "shisha.sends.failed.last.hour", "replies given up on in the last hour", OperationsFigures.Snapshot::sendFailuresLastHour);
        gauge(meters, "shisha.deliveries.failed.last.hour", "replies the provider reported undelivered in the last hour",
                OperationsFigures.Snapshot::deliveryErrorsLastHour);
        Gauge.builder("shisha.handoffs", snapshot, s -> s.get().handoffsWaiting()).tag("state", "waiting")
                .description("conversations in the console's queue").register(meters);
        Gauge.builder("shisha.handoffs", snapshot, s -> s.get().handoffsWithAgent()).tag("state", "with_agent")
                .description("conversations in the console's queue").register(meters);
        Gauge.builder("shisha.turns.recent", latency, l -> l.get().turns())
                .description("turns answered in the last 5 minutes, all instances").register(meters);
        for (double q : new double[]{0.5, 0.95, 0.99}) {
            ToDoubleFunction<AtomicReference<TurnStats.Summary>> read = q == 0.5 ? l -> l.get().p50Ms() : q == 0.95 ? l -> l.get().p95Ms() : l -> l.get().p99Ms();
            Gauge.builder("shisha.turn.latency.ms", latency, read).tag("quantile", Double.toString(q))
                    .description("webhook stored to reply queued over the last 5 minutes, all instances").register(meters);
        }
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        if (!every.isZero()) {
            sampler.scheduleWithFixedDelay(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<OperationsFigures.Snapshot> read) {
        Gauge.builder(name, snapshot, s -> read.applyAsDouble(s.get())).description(description).register(meters);
    }

    void sample() {
        try {
            snapshot.set(figures.now());
            Instant now = Instant.now();
            latency.set(turns.summary(now.minus(TURN_WINDOW), now));
        } catch (RuntimeException e) {
            // the database is down: the last figures stay, and health says why
            log.debug("metrics sample skipped: {}", e.toString());
        }
    }

    OperationsFigures.Snapshot latest() {
        return snapshot.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** The model's calls by outcome: answered, or why not (what tells a slow model from a busy or missing one). */
    static ChatLlm timed(ChatLlm llm, MeterRegistry meters) {
        return request -> {
            long start = System.nanoTime();
            String outcome = "answered";
            try {
                return llm.chat(request);
            } catch (LlmException e) {
                outcome = e.kind().name().toLowerCase(Locale.ROOT);
                throw e;
            } finally {
                Timer.builder("shisha.model.calls").description("language model calls by outcome").tag("outcome", outcome)
                        .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Voice-note transcriptions by language and outcome. */
    static SpeechRecognizer timed(SpeechRecognizer speech, MeterRegistry meters) {
        return new SpeechRecognizer() {
            @Override
            public Recognition recognize(short[] pcm, Language language, List<String> grammar) {
                long start = System.nanoTime();
                String outcome = "heard";
                try {
                    return speech.recognize(pcm, language, grammar);
                } catch (RuntimeException e) {
                    outcome = "failed";
                    throw e;
                } finally {
                    Timer.builder("shisha.speech.recognitions").description("voice notes transcribed, by language and outcome")
                            .tag("language", language.code()).tag("outcome", outcome).register(meters)
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public Availability availability(Language language) {
                return speech.availability(language);
            }
        };
    }

    /** Sends by channel and result: accepted, retry (429, 5xx, network) or rejected. */
    static ChannelSender counted(ChannelSender sender, MeterRegistry meters) {
        String channel = sender.channel().name().toLowerCase(Locale.ROOT);
        Counter accepted = sendCounter(meters, channel, "accepted");
        Counter retry = sendCounter(meters, channel, "retry");
        Counter rejected = sendCounter(meters, channel, "rejected");
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return sender.channel();
            }

            @Override
            public String defaultFrom() {
                return sender.defaultFrom();
            }

            @Override
            public SendResult send(OutboundMessage message) {
                SendResult result = sender.send(message);
                (result instanceof SendResult.Accepted ? accepted : result instanceof SendResult.Retry ? retry : rejected).increment();
                return result;
            }

            @Override
            public Optional<String> findAlreadySent(OutboundMessage message, Set<String> knownIds, Instant since) {
                return sender.findAlreadySent(message, knownIds, since);
            }
        };
    }

    private static Counter sendCounter(MeterRegistry meters, String channel, String result) {
        return Counter.builder("shisha.sends").description("sends to the provider by channel and result")
                .tag("channel", channel).tag("result", result).register(meters);
    }
}
