package com.shisha.persistence.jdbc;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.StoredInbound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn's commit claims its own replies (one statement and one flush less per reply) only when that keeps the
 * outbox's promise: nothing older of the conversation still unsent. Against real PostgreSQL.
 */
class TurnCommitClaimTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicInteger SIDS = new AtomicInteger();

    private JdbcClient jdbc;
    private JdbcInbox inbox;
    private JdbcConversationStore store;
    private JdbcOutbox outbox;
    private final ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919811100001");

    @BeforeEach
    void freshDatabase() {
        PipelineStores stores = PipelineStores.fresh(LEASE);
        jdbc = stores.jdbc();
        inbox = stores.inbox();
        store = stores.conversations();
        outbox = stores.outbox();
    }

    @Test
    void repliesOfAQuietConversationLeaveTheCommitClaimedInOrder() {
        ConversationStore.Queued queued = turn("hi", List.of("first", "second")).orElseThrow();

        assertThat(queued.claimed()).extracting(c -> c.message().body()).containsExactly("first", "second");
        assertThat(queued.claimed()).extracting(c -> c.message().id()).containsExactlyElementsOf(queued.ids());
        assertThat(queued.claimed()).allSatisfy(c -> {
            assertThat(c.resumed()).isFalse();
            assertThat(c.optedOut()).isFalse();
            assertThat(c.message().attempts()).isEqualTo(1);
            assertThat(c.message().from()).isEqualTo("whatsapp:+14155238886");
        });
        assertThat(rows()).containsExactly("SENDING/1/lease", "SENDING/1/lease");
        // claimed means claimed: a second sender (a sweep, another instance) cannot take them while the lease lives
        assertThat(outbox.claim(queued.ids().get(0), LEASE)).isEmpty();
        assertThat(outbox.due(10)).isEmpty();
    }

    @Test
    void anOlderUnsentRowLeavesTheRepliesPendingForTheDispatcherToClaimInOrder() {
        long nudge = outbox.enqueueProactive(key, null, "a reminder queued earlier");

        ConversationStore.Queued queued = turn("hi", List.of("the reply")).orElseThrow();

        assertThat(queued.claimed()).isEmpty();
        assertThat(queued.ids()).hasSize(1);
        assertThat(rows()).containsExactly("PENDING/0/-", "PENDING/0/-");
        assertThat(outbox.claim(queued.ids().get(0), LEASE)).as("the reminder goes first").isEmpty();
        assertThat(outbox.claim(nudge, LEASE)).isPresent();
        outbox.markSent(nudge, "SM" + "0".repeat(32));
        assertThat(outbox.claim(queued.ids().get(0), LEASE)).isPresent();
    }

    @Test
    void aSentMarkIsStoredAndTheNextTurnClaimsAgain() {
        ConversationStore.Queued first = turn("hi", List.of("welcome")).orElseThrow();
        outbox.markSent(first.ids().get(0), "SM" + "1".repeat(32));
        assertThat(rows()).containsExactly("SENT/1/-");

        ConversationStore.Queued second = turn("menu", List.of("the menu")).orElseThrow();

        assertThat(second.claimed()).hasSize(1);
        assertThat(rows()).containsExactly("SENT/1/-", "SENDING/1/lease");
    }

    @Test
    void aTurnWhileTheLastReplyIsStillSendingWaitsForIt() {
        turn("hi", List.of("welcome")).orElseThrow(); // claimed, not marked sent yet

        ConversationStore.Queued second = turn("menu", List.of("the menu")).orElseThrow();

        assertThat(second.claimed()).as("an older reply is still SENDING").isEmpty();
        assertThat(rows()).containsExactly("SENDING/1/lease", "PENDING/0/-");
    }

    @Test
    void aTurnThatLostItsRaceQueuesAndClaimsNothing() {
        StoredInbound inbound = stored("hi");
        ConversationState state = store.load(key);
        TurnResult result = result(List.of("welcome"));
        assertThat(store.commitTurn(inbound, state, result, "whatsapp:+14155238886", true)).isPresent();

        assertThat(store.commitTurn(inbound, state, result, "whatsapp:+14155238886", true)).isEmpty();
        assertThat(rows()).hasSize(1);
    }

    @Test
    void aTurnAskedNotToClaimLeavesItsRepliesToTheDispatcher() {
        StoredInbound inbound = stored("hi");

        ConversationStore.Queued queued = store.commitTurn(inbound, store.load(key), result(List.of("welcome")),
                "whatsapp:+14155238886", false).orElseThrow();

        assertThat(queued.claimed()).isEmpty();
        assertThat(rows()).containsExactly("PENDING/0/-");
        assertThat(outbox.claim(queued.ids().get(0), LEASE)).isPresent();
    }

    @Test
    void aLiveClaimCanBeRenewedAnExpiredOrFinishedOneCannot() {
        long live = turn("hi", List.of("welcome")).orElseThrow().ids().get(0);
        assertThat(outbox.renewLease(live, Duration.ofSeconds(600))).isTrue();
        assertThat(jdbc.sql("select lease_until > now() + interval '500 seconds' from outbound_messages where id = :id")
                .param("id", live).query(Boolean.class).single()).isTrue();

        jdbc.sql("update outbound_messages set lease_until = now() + interval '1 second' where id = :id").param("id", live).update();
        assertThat(outbox.renewLease(live, LEASE)).as("about to run out: a sweep may already be resuming it").isFalse();

        outbox.markSent(live, "SM" + "2".repeat(32));
        assertThat(outbox.renewLease(live, LEASE)).isFalse();
    }

    @Test
    void dueAreRowsPendingPastTheirTimeAndClaimsWhoseLeaseRanOutOldestFirst() {
        List<Long> ids = turn("hi", List.of("one", "two", "three", "four")).orElseThrow().ids();
        jdbc.sql("""
                        update outbound_messages set
                            status = case when id in (:pending) then 'PENDING' else 'SENDING' end,
                            next_attempt_at = now() + case when id = :notYet then interval '1 minute' else - interval '1 minute' end,
                            lease_until = case when id = :expired then now() - interval '10 seconds'
                                               when id = :live then now() + interval '30 seconds' end
                        where conversation_key = :key""")
                .param("pending", List.of(ids.get(0), ids.get(1))).param("notYet", ids.get(1))
                .param("expired", ids.get(2)).param("live", ids.get(3)).param("key", key.value())
                .update();
        jdbc.sql("update outbound_messages set next_attempt_at = now() - interval '5 seconds' where id = :id").param("id", ids.get(0)).update();

        // the pending row became due 5 s ago, the claim ran out 10 s ago: the claim first
        assertThat(outbox.due(10)).extracting(d -> d.id()).containsExactly(ids.get(2), ids.get(0));
        assertThat(outbox.due(1)).extracting(d -> d.id()).containsExactly(ids.get(2));
        assertThat(outbox.due(10)).allSatisfy(d -> assertThat(d.conversation()).isEqualTo(key));
    }

    private java.util.Optional<ConversationStore.Queued> turn(String text, List<String> replies) {
        StoredInbound inbound = stored(text);
        return store.commitTurn(inbound, store.load(key), result(replies), "whatsapp:+14155238886", true);
    }

    private StoredInbound stored(String text) {
        String sid = String.format("SM%032d", SIDS.incrementAndGet());
        assertThat(inbox.store(new InboundMessage(sid, key, "whatsapp:+14155238886", text, List.of(), "Asha", Instant.now()))).isPresent();
        return inbox.pending(key, 1).get(0);
    }

    private static TurnResult result(List<String> replies) {
        return new TurnResult("MENU", Map.of(), Language.EN, replies, OptOutChange.NONE, null);
    }

    /** status/attempts/lease of each of the conversation's rows, oldest first. */
    private List<String> rows() {
        return jdbc.sql("""
                        select status || '/' || attempts || '/' || case when lease_until > now() then 'lease' else '-' end
                        from outbound_messages where conversation_key = :key order by id""")
                .param("key", key.value())
                .query(String.class).list();
    }
}
