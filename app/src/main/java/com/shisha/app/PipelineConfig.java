package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.pipeline.ChannelSender;
import com.shisha.core.pipeline.ConversationLock;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.CpuGate;
import com.shisha.core.pipeline.VoiceInputs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import com.shisha.core.pipeline.Inbox;
import com.shisha.core.pipeline.InboundIngest;
import com.shisha.core.pipeline.IntakeJournal;
import com.shisha.core.pipeline.IntakePriority;
import com.shisha.core.pipeline.OptOuts;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.OutboxDispatcher;
import com.shisha.core.pipeline.RecoverySweeper;
import com.shisha.core.pipeline.SendRateLimiter;
import com.shisha.core.pipeline.TurnProcessor;
import com.shisha.dialogs.Catalogue;
import com.shisha.dialogs.JourneyServices;
import com.shisha.dialogs.StateMachineDialogEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The turn pipeline of bot-core, wired to the adapters. Pool sizes and timings come from the environment. */
@Configuration(proxyBeanMethods = false)
class PipelineConfig {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfig.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DialogEngine dialogEngine(JourneyServices journey) {
        return new StateMachineDialogEngine(new Catalogue(), journey);
    }

    /** Few permits on purpose: turns are CPU-bound, and on 2 cores more concurrent turns measured slower (bench/README.md). */
    @Bean
    CpuGate turnCpu(Environment env) {
        return new CpuGate(new Env(env).integer("SHISHA_TURN_WORKERS", 2, 1, 512));
    }

    /**
     * More threads than CPU permits: a turn waiting on the coach's language model or on speech recognition gives
     * its permit back, and the spare threads keep other conversations moving meanwhile.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService turnWorkers(Environment env) {
        Env e = new Env(env);
        int n = e.integer("SHISHA_TURN_WORKERS", 2, 1, 512) + e.integer("SHISHA_SLOW_TURNS", 16, 0, 1024);
        // unbounded is safe here: the queue holds conversation keys, coalesced, at most one per conversation
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("turn"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService senderPool(Environment env) {
        int n = new Env(env).integer("SHISHA_SENDER_THREADS", 4, 1, 1024);
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("send")); // the queue holds conversation keys, coalesced
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Outbox outbox, OptOuts optOuts, List<ChannelSender> senders, SendRateLimiter rateLimiter,
                                      ExecutorService senderPool, Clock clock, IntakePriority intake, Environment env) {
        return new OutboxDispatcher(outbox, optOuts, senders, rateLimiter, senderPool,
                new OutboxDispatcher.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 12),
                sendLease(env), clock, intake);
    }

    /** How long a claimed reply is this instance's to send; the turn's commit claims with the same lease. */
    static Duration sendLease(Environment env) {
        return Duration.ofSeconds(new Env(env).integer("SHISHA_SEND_LEASE_SECONDS", 30, 1, 3600));
    }

    @Bean
    IntakePriority intakePriority(Environment env) {
        Env e = new Env(env);
        return new IntakePriority(e.integer("SHISHA_INTAKE_BUSY_RATE", 2000, 0, 10_000_000),
                Duration.ofMillis(e.integer("SHISHA_INTAKE_MAX_PAUSE_MILLIS", 50, 0, 10_000)));
    }

    @Bean
    TurnProcessor turnProcessor(Inbox inbox, ConversationStore conversations, DialogEngine dialogs, ConversationLock lock,
                                OutboxDispatcher outbox, ExecutorService turnWorkers, IntakePriority intake, CpuGate turnCpu,
                                ObjectProvider<VoiceInputs> voice) {
        return new TurnProcessor(inbox, conversations, dialogs, lock, outbox::submit, turnWorkers, Duration.ofSeconds(5), intake,
                turnCpu, voice.getIfAvailable(), outbox::keepingUp);
    }

    /**
     * The intake journal (see {@link IntakeJournal} for what it gives and gives up). SHISHA_INTAKE_JOURNAL=auto, the
     * default, turns it on with the embedded database only: that database is on this machine's disk anyway and
     * serves one instance. With DATABASE_URL, instances may come and go with their disks, so an acknowledged
     * message goes to the shared database first unless the operator chooses the journal (=on).
     */
    @Bean(destroyMethod = "close")
    IntakeJournal intakeJournal(Environment env, ObjectProvider<MeterRegistry> meters) {
        Env e = new Env(env);
        String mode = e.choice("SHISHA_INTAKE_JOURNAL", "auto", "auto", "on", "off");
        boolean embeddedDatabase = env.getProperty("shisha.embedded.postgres", Boolean.class, false);
        if (mode.equals("off") || (mode.equals("auto") && !embeddedDatabase)) {
            return null; // no bean: the ingest stores in the inbox before acknowledging
        }
        Path dir = e.get("SHISHA_INTAKE_JOURNAL_DIR").map(Path::of)
                .orElseGet(() -> e.dataDir().resolve("intake-journal"));
        long segmentBytes = e.integer("SHISHA_INTAKE_JOURNAL_SEGMENT_MB", 64, 1, 4096) * 1024L * 1024L;
        IntakeJournal journal;
        try {
            journal = new IntakeJournal(dir, segmentBytes);
        } catch (RuntimeException ex) {
            throw new InvalidConfigurationException("SHISHA_INTAKE_JOURNAL_DIR", ex.getMessage());
        }
        meters.ifAvailable(registry -> {
            Gauge.builder("shisha.intake.journal.waiting", journal, IntakeJournal::waiting)
                    .description("acknowledged messages in the intake journal not yet moved into the inbox").register(registry);
            Gauge.builder("shisha.intake.journal.rejected", journal, IntakeJournal::rejected)
                    .description("messages the inbox refused, set aside in rejected.log").register(registry);
        });
        log.info("intake journal {}: an acknowledged message is flushed there first and moved into the inbox right after "
                + "(SHISHA_INTAKE_JOURNAL={}{})", dir.toAbsolutePath(), mode, mode.equals("auto") ? ", the database is embedded" : "");
        return journal;
    }

    /** SHISHA_INTAKE_JOURNAL_WHEN: busy (default; see {@link InboundIngest.JournalUse#WHILE_BUSY}) or always. */
    @Bean
    InboundIngest inboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake, ObjectProvider<IntakeJournal> journal,
                                Environment env) {
        InboundIngest.JournalUse use = new Env(env).choice("SHISHA_INTAKE_JOURNAL_WHEN", "busy", "busy", "always").equals("always")
                ? InboundIngest.JournalUse.ALWAYS : InboundIngest.JournalUse.WHILE_BUSY;
        return new InboundIngest(inbox, turns, intake, journal.getIfAvailable(), use);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sweeperSchedule(Inbox inbox, TurnProcessor turns, OutboxDispatcher outbox, Clock clock, Environment env) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(named("sweep"));
        int everyMillis = new Env(env).integer("SHISHA_SWEEP_MILLIS", 1000, 50, 600_000);
        RecoverySweeper sweeper = new RecoverySweeper(inbox, turns, outbox, Duration.ofSeconds(2), clock, 500);
        schedule.scheduleWithFixedDelay(sweeper, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return schedule;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
