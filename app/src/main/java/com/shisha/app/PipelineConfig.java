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
import com.shisha.core.pipeline.IntakeBuffer;
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
import com.shisha.core.pipeline.PipelineSettings;
import com.shisha.persistence.StoreSettings;
import com.shisha.persistence.journal.IntakeJournal;

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

/** The turn pipeline of bot-core, wired to the adapters, with the pool sizes and timings of {@link PipelineSettings}. */
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
    CpuGate turnCpu(PipelineSettings settings) {
        return new CpuGate(settings.turnWorkers());
    }

    /**
     * More threads than CPU permits: a turn waiting on the coach's language model or on speech recognition gives
     * its permit back, and the spare threads keep other conversations moving meanwhile.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService turnWorkers(PipelineSettings settings) {
        int n = settings.turnWorkers() + settings.slowTurns();
        // unbounded is safe here: the queue holds conversation keys, coalesced, at most one per conversation
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("turn"));
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService senderPool(PipelineSettings settings) {
        int n = settings.senderThreads();
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("send")); // the queue holds conversation keys, coalesced
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Outbox outbox, OptOuts optOuts, List<ChannelSender> senders, SendRateLimiter rateLimiter,
                                      ExecutorService senderPool, Clock clock, IntakePriority intake, PipelineSettings settings) {
        return new OutboxDispatcher(outbox, optOuts, senders, rateLimiter, senderPool,
                new OutboxDispatcher.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 12),
                settings.sendLease(), clock, intake);
    }

    @Bean
    IntakePriority intakePriority(PipelineSettings settings) {
        return new IntakePriority(settings.intakeBusyRate(), settings.intakeMaxPause(), settings.journalUse());
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
    IntakeJournal intakeJournal(PipelineSettings settings, StoreSettings stores, IntakePriority intake,
                                ObjectProvider<MeterRegistry> meters) {
        PipelineSettings.Journal mode = settings.journal();
        if (mode == PipelineSettings.Journal.OFF || (mode == PipelineSettings.Journal.AUTO && stores.database().isPresent())) {
            return null; // no bean: the ingest stores in the inbox before acknowledging
        }
        Path dir = settings.journalDir();
        IntakeJournal journal = openJournal(dir, settings.journalSegmentBytes(), intake);
        meters.ifAvailable(registry -> {
            Gauge.builder("shisha.intake.journal.waiting", journal, IntakeJournal::waiting)
                    .description("acknowledged messages in the intake journal not yet moved into the inbox").register(registry);
            Gauge.builder("shisha.intake.journal.rejected", journal, IntakeJournal::rejected)
                    .description("messages the inbox refused, set aside in rejected.log").register(registry);
        });
        log.info("intake journal {}: an acknowledged message is flushed there first and moved into the inbox right after "
                + "(SHISHA_INTAKE_JOURNAL={}{})", dir.toAbsolutePath(), mode.name().toLowerCase(java.util.Locale.ROOT),
                mode == PipelineSettings.Journal.AUTO ? ", the database is embedded" : "");
        return journal;
    }

    /** A directory another instance journals to is refused: two movers of one journal would each move every message. */
    static IntakeJournal openJournal(Path dir, long segmentBytes, IntakePriority intake) {
        try {
            return new IntakeJournal(dir, segmentBytes, intake);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException("SHISHA_INTAKE_JOURNAL_DIR", e.getMessage());
        }
    }

    @Bean
    InboundIngest inboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake, ObjectProvider<IntakeBuffer> journal) {
        return new InboundIngest(inbox, turns, intake, journal.getIfAvailable());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sweeperSchedule(Inbox inbox, TurnProcessor turns, OutboxDispatcher outbox, Clock clock,
                                             PipelineSettings settings) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(named("sweep"));
        long everyMillis = settings.sweepEvery().toMillis();
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
