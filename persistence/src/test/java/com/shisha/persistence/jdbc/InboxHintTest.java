package com.shisha.persistence.jdbc;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.Inbox;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's store tells a turn where to start when nothing older of the conversation waits (the hint), and the
 * turn's commit refuses a message out of turn whatever the turn started from.
 */
class InboxHintTest {

    private static final AtomicInteger SIDS = new AtomicInteger();
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919811100003");
    // a fresh database per test: JUnit makes a new instance of the class for each
    private final PipelineStores stores = PipelineStores.fresh(Duration.ofSeconds(30));
    private final JdbcClient jdbc = stores.jdbc();
    private final JdbcInbox inbox = stores.inbox();
    private final JdbcConversationStore store = stores.conversations();

    @Test
    void theFirstMessageOfANewConversationIsNextWithAFreshState() {
        Inbox.Stored stored = store(key, "hi").orElseThrow();

        assertThat(stored.next()).isTrue();
        assertThat(stored.stateIfNext()).isEqualTo(ConversationState.fresh(key));
        assertThat(stored.message()).usingRecursiveComparison().isEqualTo(inbox.pending(key, 1).get(0));
    }

    @Test
    void aMessageBehindAnUnprocessedOneIsNotNext() {
        store(key, "hi");

        Inbox.Stored second = store(key, "Asha").orElseThrow();

        assertThat(second.next()).isFalse();
        assertThat(second.stateIfNext()).isNull();
    }

    @Test
    void afterATurnTheNextMessageCarriesTheCommittedState() {
        Inbox.Stored first = store(key, "hi").orElseThrow();
        assertThat(commit(first, first.stateIfNext(), "ASK_NAME", Map.of("x", "y"))).isTrue();

        Inbox.Stored second = store(key, "Asha").orElseThrow();

        assertThat(second.next()).isTrue();
        assertThat(second.stateIfNext()).isEqualTo(store.load(key));
        assertThat(second.stateIfNext().step()).isEqualTo("ASK_NAME");
        assertThat(second.stateIfNext().slots()).containsEntry("x", "y");
    }

    @Test
    void storeAllKeepsEachConversationsOrderAndDropsCopies() {
        ConversationKey other = new ConversationKey(Channel.WHATSAPP, "+919811100004");
        InboundMessage a1 = message(key, "a1");
        // the intake journal's mover hands over a chunk like this: several messages of one conversation, other
        // conversations in between, a copy of one message; one statement may hold one message per conversation
        List<InboundMessage> chunk = List.of(a1, message(other, "b1"), message(key, "a2"), a1, message(key, "a3"), message(other, "b2"));

        List<Inbox.Attempt> attempts = inbox.storeAll(chunk);

        assertThat(attempts).hasSize(6).allSatisfy(a -> assertThat(a.failure()).isNull());
        assertThat(attempts.get(3).stored()).as("the copy").isEmpty();
        assertThat(attempts.get(0).stored().orElseThrow().next()).isTrue();
        assertThat(attempts.get(2).stored().orElseThrow().next()).isFalse();
        assertThat(inbox.pending(key, 10)).extracting(p -> p.message().text()).containsExactly("a1", "a2", "a3");
        assertThat(inbox.pending(other, 10)).extracting(p -> p.message().text()).containsExactly("b1", "b2");
    }

    @Test
    void aDuplicateIsNotStoredAgain() {
        InboundMessage message = message(key, "hi");
        assertThat(inbox.store(message)).isPresent();

        assertThat(inbox.store(message)).isEmpty();
        assertThat(inbox.pending(key, 10)).hasSize(1);
    }

    @Test
    void aCommitOutOfTurnChangesNothing() {
        Inbox.Stored first = store(key, "hi").orElseThrow();
        Inbox.Stored second = store(key, "Asha").orElseThrow();

        // a stale hint: the second message with the state the first one started from
        assertThat(commit(second, first.stateIfNext(), "ASK_LANGUAGE", Map.of())).isFalse();

        assertThat(store.load(key)).isEqualTo(first.stateIfNext());
        assertThat(inbox.pending(key, 10)).extracting(p -> p.message().text()).containsExactly("hi", "Asha");
        assertThat(jdbc.sql("select count(*) from outbound_messages").query(Integer.class).single()).isZero();
        // in turn it goes through
        assertThat(commit(first, first.stateIfNext(), "ASK_NAME", Map.of())).isTrue();
        assertThat(commit(second, store.load(key), "ASK_LANGUAGE", Map.of())).isTrue();
    }

    @Test
    void aDuplicateCostsTheNextMessageOnlyItsHint() {
        InboundMessage hi = message(key, "hi");
        Inbox.Stored first = inbox.store(hi).orElseThrow();
        assertThat(commit(first, first.stateIfNext(), "ASK_NAME", Map.of())).isTrue();
        // a retried delivery is not stored, but it did take a number in the conversation's sequence
        assertThat(inbox.store(hi)).isEmpty();

        Inbox.Stored second = store(key, "Asha").orElseThrow();

        assertThat(second.next()).isFalse();
        // the drain reads the conversation; the commit finds nothing older waiting behind the gap
        assertThat(commit(second, store.load(key), "ASK_LANGUAGE", Map.of())).isTrue();
        Inbox.Stored third = store(key, "1").orElseThrow();
        assertThat(third.next()).isTrue();
        assertThat(third.stateIfNext().step()).isEqualTo("ASK_LANGUAGE");
    }

    @Test
    void aCommitOutOfTurnBehindAGapChangesNothing() {
        InboundMessage hi = message(key, "hi");
        Inbox.Stored first = inbox.store(hi).orElseThrow();
        assertThat(inbox.store(hi)).isEmpty();
        Inbox.Stored second = store(key, "Asha").orElseThrow();

        assertThat(commit(second, first.stateIfNext(), "ASK_LANGUAGE", Map.of())).isFalse();

        assertThat(inbox.pending(key, 10)).extracting(p -> p.message().text()).containsExactly("hi", "Asha");
        assertThat(commit(first, first.stateIfNext(), "ASK_NAME", Map.of())).isTrue();
        assertThat(commit(second, store.load(key), "ASK_LANGUAGE", Map.of())).isTrue();
    }

    @Test
    void theSweepFindsEachConversationWithOldWaitingMessagesOnce() {
        ConversationKey other = new ConversationKey(Channel.WHATSAPP, "+919811100004");
        ConversationKey done = new ConversationKey(Channel.WHATSAPP, "+919811100005");
        for (int i = 0; i < 5; i++) {
            store(key, "m" + i);
        }
        store(other, "hi");
        Inbox.Stored processed = store(done, "hi").orElseThrow();
        assertThat(commit(processed, processed.stateIfNext(), "ASK_NAME", Map.of())).isTrue();
        Instant later = Instant.now().plusSeconds(1);

        assertThat(inbox.conversationsWithPending(later, 10)).containsExactlyInAnyOrder(key, other);
        assertThat(inbox.conversationsWithPending(later, 1)).hasSize(1);
        // messages younger than the grace age are the fast path's
        assertThat(inbox.conversationsWithPending(Instant.now().minusSeconds(60), 10)).isEmpty();
    }

    @Test
    void concurrentStoresOfManyConversationsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<Inbox.Stored>>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ConversationKey k = new ConversationKey(Channel.WHATSAPP, "+9198111" + String.format("%05d", i % 50));
                String text = "m" + i;
                futures.add(pool.submit(() -> store(k, text)));
            }
            int next = 0;
            for (int i = 0; i < futures.size(); i++) {
                Inbox.Stored stored = futures.get(i).get().orElseThrow();
                assertThat(stored.message().message().text()).isEqualTo("m" + i);
                next += stored.next() ? 1 : 0;
            }
            // nothing is processed: exactly the first stored message of each of the 50 conversations is next
            assertThat(next).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<Inbox.Stored> store(ConversationKey k, String text) {
        return inbox.store(message(k, text));
    }

    private static InboundMessage message(ConversationKey k, String text) {
        return new InboundMessage(String.format("SM%032d", SIDS.incrementAndGet()), k, "whatsapp:+14155238886", text,
                List.of(), "Asha", Instant.now());
    }

    private boolean commit(Inbox.Stored stored, ConversationState from, String step, Map<String, String> slots) {
        TurnResult result = new TurnResult(step, slots, Language.EN, List.of("ok"), OptOutChange.NONE, null);
        return store.commitTurn(stored.message(), from, result, "whatsapp:+14155238886", false).isPresent();
    }
}
