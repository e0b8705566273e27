package com.shisha.core.pipeline;

import com.shisha.core.SettingsReader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The message pipeline's tuning (docs/configuration.md, "The message pipeline"); the defaults are the measured ones
 * of bench/README.md.
 *
 * @param turnWorkers     CPU permits for dialog turns (SHISHA_TURN_WORKERS)
 * @param slowTurns       extra turn threads for turns waiting on the model or speech (SHISHA_SLOW_TURNS)
 * @param senderThreads   threads sending replies (SHISHA_SENDER_THREADS)
 * @param sendLease       how long a claimed reply is one instance's to send (SHISHA_SEND_LEASE_SECONDS)
 * @param intakeBusyRate  webhooks per second above which intake counts as busy (SHISHA_INTAKE_BUSY_RATE)
 * @param intakeMaxPause  the longest other work waits for busy intake (SHISHA_INTAKE_MAX_PAUSE_MILLIS)
 * @param journal         whether acknowledgements wait on the local intake journal (SHISHA_INTAKE_JOURNAL)
 * @param journalDir      its directory (SHISHA_INTAKE_JOURNAL_DIR, else the data folder's intake-journal)
 * @param journalSegmentBytes its segment size (SHISHA_INTAKE_JOURNAL_SEGMENT_MB)
 * @param journalUse      which webhooks it takes (SHISHA_INTAKE_JOURNAL_WHEN)
 * @param commitLinger    how long the inbox's and turn commits' writers wait for more work (SHISHA_COMMIT_LINGER_MICROS)
 * @param lockLease       how long a crashed instance can hold a conversation's lock (SHISHA_LOCK_LEASE_SECONDS)
 * @param sweepEvery      how often the recovery sweeper runs (SHISHA_SWEEP_MILLIS)
 * @param sendRatePerSecond outbound messages per second per sender number, all instances (TWILIO_SEND_RATE_PER_SECOND)
 */
public record PipelineSettings(int turnWorkers, int slowTurns, int senderThreads, Duration sendLease, int intakeBusyRate,
                               Duration intakeMaxPause, Journal journal, Path journalDir, long journalSegmentBytes,
                               IntakePriority.JournalUse journalUse, Duration commitLinger, Duration lockLease, Duration sweepEvery,
                               int sendRatePerSecond) {

    /** AUTO: on with the embedded database only (its disk is this machine's anyway, and it serves one instance). */
    public enum Journal { AUTO, ON, OFF }

    public static PipelineSettings read(SettingsReader r, Path dataDir) {
        return new PipelineSettings(
                r.integer("SHISHA_TURN_WORKERS", 2, 1, 512),
                r.integer("SHISHA_SLOW_TURNS", 16, 0, 1024),
                r.integer("SHISHA_SENDER_THREADS", 4, 1, 1024),
                r.duration("SHISHA_SEND_LEASE_SECONDS", ChronoUnit.SECONDS, 30, 1, 3600),
                r.integer("SHISHA_INTAKE_BUSY_RATE", 2000, 0, 10_000_000),
                r.duration("SHISHA_INTAKE_MAX_PAUSE_MILLIS", ChronoUnit.MILLIS, 50, 0, 10_000),
                Journal.valueOf(r.choice("SHISHA_INTAKE_JOURNAL", "auto", "auto", "on", "off").toUpperCase(java.util.Locale.ROOT)),
                r.path("SHISHA_INTAKE_JOURNAL_DIR").orElse(dataDir.resolve("intake-journal")),
                r.integer("SHISHA_INTAKE_JOURNAL_SEGMENT_MB", 64, 1, 4096) * 1024L * 1024L,
                r.choice("SHISHA_INTAKE_JOURNAL_WHEN", "busy", "busy", "always").equals("always")
                        ? IntakePriority.JournalUse.ALWAYS : IntakePriority.JournalUse.WHILE_BUSY,
                r.duration("SHISHA_COMMIT_LINGER_MICROS", ChronoUnit.MICROS, 1000, 0, 100_000),
                r.duration("SHISHA_LOCK_LEASE_SECONDS", ChronoUnit.SECONDS, 60, 5, 3600),
                r.duration("SHISHA_SWEEP_MILLIS", ChronoUnit.MILLIS, 1000, 50, 600_000),
                r.integer("TWILIO_SEND_RATE_PER_SECOND", 80, 1, 1_000_000));
    }
}
