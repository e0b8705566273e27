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
    void aLiveClaimCanBeRenewedAnExpiredTakenOverOrFinishedOneCannot() {
        long live = turn("hi", List.of("welcome")).orElseThrow().ids().get(0);
        assertThat(outbox.renewLease(live, 1, Duration.ofSeconds(600))).isTrue();
        assertThat(jdbc.sql("select lease_until > now() + interval '500 seconds' from outbound_messages where id = :id")
                .param("id", live).query(Boolean.class).single()).isTrue();

        jdbc.sql("update outbound_messages set lease_until = now() + interval '1 second' where id = :id").param("id", live).update();
        assertThat(outbox.renewLease(live, 1, LEASE)).as("about to run out: a sweep may already be resuming it").isFalse();

        // the lease ran out and another sender took the row: its claim is live, but the first sender's is gone
        jdbc.sql("update outbound_messages set lease_until = now() - interval '1 second' where id = :id").param("id", live).update();
        var takenOver = outbox.claim(live, Duration.ofSeconds(600)).orElseThrow();
        assertThat(takenOver.message().attempts()).isEqualTo(2);
        assertThat(outbox.renewLease(live, 1, LEASE)).as("the first claim, taken over").isFalse();
        assertThat(outbox.renewLease(live, 2, LEASE)).as("the second claim").isTrue();

        outbox.markSent(live, "SM" + "2".repeat(32));
        assertThat(outbox.renewLease(live, 2, LEASE)).isFalse();
    }

    @Test
    void dueAreTheConversationsOldestUnsentRowsThatAreDueLongestDueFirst() {
        ConversationKey pending = new ConversationKey(Channel.WHATSAPP, "+919811100011");
        ConversationKey expired = new ConversationKey(Channel.WHATSAPP, "+919811100012");
        ConversationKey backingOff = new ConversationKey(Channel.WHATSAPP, "+919811100013");
        ConversationKey live = new ConversationKey(Channel.WHATSAPP, "+919811100014");
        long pendingHead = turn(pending, "hi", List.of("one", "two")).orElseThrow().ids().get(0);
        long expiredHead = turn(expired, "hi", List.of("one", "two")).orElseThrow().ids().get(0);
        List<Long> waiting = turn(backingOff, "hi", List.of("one", "two", "three")).orElseThrow().ids();
        turn(live, "hi", List.of("one", "two"));
        // every row pending and long due, except: the first pending conversation's head due 5 s ago; the expired
        // conversation's head claimed by a sender whose lease ran out 10 s ago; the backing-off conversation's head
        // waiting a minute more after a failure, its later rows due since long (they must not starve the others); the
        // live conversation's head being sent now
        jdbc.sql("update outbound_messages set status = 'PENDING', lease_until = null, next_attempt_at = now() - interval '1 hour'").update();
        setRow(pendingHead, "'PENDING', now() - interval '5 seconds', null");
        setRow(expiredHead, "'SENDING', now() - interval '1 hour', now() - interval '10 seconds'");
        setRow(waiting.get(0), "'PENDING', now() + interval '1 minute', null");
        jdbc.sql("update outbound_messages set status = 'SENDING', lease_until = now() + interval '30 seconds' where id = "
                + "(select min(id) from outbound_messages where conversation_key = :key)").param("key", live.value()).update();

        assertThat(outbox.due(10)).extracting(d -> d.id()).containsExactly(expiredHead, pendingHead);
        assertThat(outbox.due(10)).extracting(d -> d.conversation()).containsExactly(expired, pending);
        assertThat(outbox.due(1)).extracting(d -> d.id()).containsExactly(expiredHead);

        // more due rows behind the waiting head than one sweep's limit: the other conversations still come up
        assertThat(outbox.due(2)).extracting(d -> d.id()).containsExactly(expiredHead, pendingHead);
        setRow(waiting.get(0), "'PENDING', now() - interval '1 second', null");
        assertThat(outbox.due(10)).extracting(d -> d.id()).contains(waiting.get(0)).doesNotContain(waiting.get(1), waiting.get(2));
    }

    private void setRow(long id, String statusNextAttemptLease) {
        String[] v = statusNextAttemptLease.split(", ", 3);
        jdbc.sql("update outbound_messages set status = " + v[0] + ", next_attempt_at = " + v[1] + ", lease_until = " + v[2]
                + " where id = :id").param("id", id).update();
    }

    private java.util.Optional<ConversationStore.Queued> turn(ConversationKey conversation, String text, List<String> replies) {
        String sid = String.format("SM%032d", SIDS.incrementAndGet());
        assertThat(inbox.store(new InboundMessage(sid, conversation, "whatsapp:+14155238886", text, List.of(), "Asha", Instant.now()))).isPresent();
        StoredInbound inbound = inbox.pending(conversation, 1).get(0);
        return store.commitTurn(inbound, store.load(conversation), result(replies), "whatsapp:+14155238886", true);
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
