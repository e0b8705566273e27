package com.shisha.core.pipeline;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which messages the intake journal takes, with a journal that holds what it took until the test lets it move
 * (the real one, on disk, is persistence's and has tests of its own) and an inbox that records the order it
 * stores in (its place in that list is the message's place in the conversation). No turn runs here: the lock
 * always says another instance holds the conversation.
 */
class InboundIngestTest {

    private final ConversationKey asha = new ConversationKey(Channel.WHATSAPP, "+919812345678");
    /** The test moves this clock; the intake counts as busy above 2,000 webhooks/s, i.e. 20 in one 10 ms window. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private IntakePriority intake = intake(IntakePriority.JournalUse.WHILE_BUSY);
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final TurnProcessor turns = new TurnProcessor(null, null, null, (key, wait) -> Optional.empty(), (key, queued) -> {
    }, workers, Duration.ZERO, intake, new CpuGate(1), null, () -> true);
    /** The inbox, in store order. */
    private final List<String> stored = new ArrayList<>();
    private HeldJournal journal;

    /** Takes messages at once and moves them, in the order taken, only when told (a slow database meanwhile). */
    private static final class HeldJournal implements IntakeBuffer {
        private final List<InboundMessage> held = new ArrayList<>();
        private Sink sink;
        private long moved;

        @Override
        public synchronized void append(InboundMessage message) {
            held.add(message);
        }

        @Override
        public synchronized void start(Sink sink) {
            this.sink = sink;
        }

        @Override
        public synchronized long unsettled() {
            return held.size();
        }

        synchronized void move() {
            sink.store(List.copyOf(held));
            moved += held.size();
            held.clear();
        }

        synchronized long moved() {
            return moved;
        }
    }

    private final Inbox inbox = new Inbox() {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Optional<Stored> store(InboundMessage message) {
            stored.add(message.text());
            return Optional.of(new Stored(new StoredInbound(ids.incrementAndGet(), message), null));
        }

        @Override
        public List<StoredInbound> pending(ConversationKey key, int limit) {
            return List.of();
        }

        @Override
        public List<ConversationKey> conversationsWithPending(Instant receivedBefore, int limit) {
            return List.of();
        }
    };

    @AfterEach
    void close() {
        workers.shutdownNow();
    }

    private IntakePriority intake(IntakePriority.JournalUse use) {
        return new IntakePriority(2000, Duration.ZERO, use, nanos::get);
    }

    private InboundIngest ingest(IntakePriority.JournalUse use) {
        intake = intake(use);
        journal = new HeldJournal();
        return new InboundIngest(inbox, turns, intake, journal);
    }

    private InboundMessage message(String text) {
        return new InboundMessage("SM" + text.hashCode(), asha, "whatsapp:+14155238886", text, List.of(), "Asha", Instant.now());
    }

    private void busy() {
        for (int i = 0; i < 25; i++) {
            intake.arrived();
        }
        assertThat(intake.busy()).isTrue();
    }

    private void quiet() {
        nanos.addAndGet(Duration.ofMillis(30).toNanos());
        assertThat(intake.busy()).isFalse();
    }

    @Test
    void whileBusyTheJournalTakesWebhooksAndAfterwardsUntilWhatItTookIsInTheInbox() {
        InboundIngest ingest = ingest(IntakePriority.JournalUse.WHILE_BUSY);

        assertThat(ingest.accept(message("1 quiet"))).isEqualTo(InboundIngest.Outcome.ACCEPTED);
        assertThat(stored).as("stored directly, before the webhook is answered").containsExactly("1 quiet");
        assertThat(journal.unsettled()).isZero();

        busy();
        ingest.accept(message("2 busy"));
        assertThat(journal.unsettled()).as("journaled; the mover waits for the database").isEqualTo(1);

        quiet();
        ingest.accept(message("3 quiet, acknowledged after 2"));
        assertThat(stored).as("not stored ahead of 2: journaled behind it").containsExactly("1 quiet");
        assertThat(journal.unsettled()).isEqualTo(2);

        journal.move();
        assertThat(stored).containsExactly("1 quiet", "2 busy", "3 quiet, acknowledged after 2");

        ingest.accept(message("4 quiet"));
        assertThat(stored).as("the journal is settled: stored directly again")
                .containsExactly("1 quiet", "2 busy", "3 quiet, acknowledged after 2", "4 quiet");
        assertThat(journal.moved()).isEqualTo(2);
    }

    @Test
    void alwaysJournalsEveryWebhookAlsoAtAQuietMoment() {
        InboundIngest ingest = ingest(IntakePriority.JournalUse.ALWAYS);
        ingest.accept(message("1 quiet"));
        assertThat(stored).isEmpty();
        assertThat(journal.unsettled()).isEqualTo(1);
        journal.move();
        assertThat(stored).containsExactly("1 quiet");
        assertThat(journal.moved()).isEqualTo(1);
    }

    @Test
    void withoutAJournalEveryWebhookIsStoredBeforeItIsAnswered() {
        InboundIngest ingest = new InboundIngest(inbox, turns, intake);
        busy();
        ingest.accept(message("1 busy"));
        assertThat(stored).containsExactly("1 busy");
    }
}
