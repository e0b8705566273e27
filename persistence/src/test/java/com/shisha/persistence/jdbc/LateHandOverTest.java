package com.shisha.persistence.jdbc;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.OutboundMessage;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.ChannelSender;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.IntakePriority;
import com.shisha.core.pipeline.OutboxDispatcher;
import com.shisha.core.pipeline.SendRateLimiter;
import com.shisha.core.pipeline.StoredInbound;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn's commit claims its replies with a lease that runs from the commit; the turn thread hands them to the
 * sender only afterwards, and on a loaded machine that can be later than the lease (it waits for a CPU permit
 * behind other turns, or for the commit's flush). By then a recovery sweep may have resumed the row, found nothing
 * at the provider, and sent it. The late hand-over must not send it a second time. Real PostgreSQL, real outbox and
 * dispatcher; the provider is a stand-in that remembers what it accepted.
 */
class LateHandOverTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final String FROM = "whatsapp:+14155238886";

    @Test
    void repliesHandedOverAfterTheirLeaseRanOutAreNotSentAgainOnceASweepSentThem() throws Exception {
        PipelineStores stores = PipelineStores.fresh(LEASE);
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+919811100077");
        Provider provider = new Provider();
        ExecutorService senders = Executors.newSingleThreadExecutor();
        OutboxDispatcher dispatcher = new OutboxDispatcher(stores.outbox(), (k, reason) -> { }, List.of(provider),
                SendRateLimiter.UNLIMITED, senders, new OutboxDispatcher.Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), 3),
                LEASE, Clock.systemUTC(), IntakePriority.off());
        try {
            assertThat(stores.inbox().store(new InboundMessage("SM" + "7".repeat(32), key, FROM, "menu", List.of(), "Asha",
                    Instant.now()))).isPresent();
            StoredInbound inbound = stores.inbox().pending(key, 1).get(0);
            ConversationStore.Queued queued = stores.conversations().commitTurn(inbound, stores.conversations().load(key),
                    new TurnResult("MAIN_MENU", Map.of(), Language.EN, List.of("the menu"), OptOutChange.NONE, null), FROM, true)
                    .orElseThrow();
            assertThat(queued.claimed()).as("claimed by the commit").hasSize(1);

            // the turn thread is held up past the lease; meanwhile a sweep resumes the row and sends it
            Thread.sleep(LEASE.toMillis() + 300);
            assertThat(dispatcher.sweep(10)).isEqualTo(1);
            awaitStatus(stores, queued.ids().get(0), "SENT");
            assertThat(provider.accepted()).as("sent by the sweep").hasSize(1);

            dispatcher.submit(key, queued); // the turn thread, at last
            senders.shutdown();
            assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(provider.accepted()).as("the partner gets the reply once").hasSize(1);
        } finally {
            senders.shutdownNow();
        }
    }

    private static void awaitStatus(PipelineStores stores, long id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String now = null;
        while (System.nanoTime() < deadline) {
            now = stores.jdbc().sql("select status from outbound_messages where id = :id").param("id", id).query(String.class).single();
            if (status.equals(now)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("outbox row " + id + " is " + now + ", not " + status);
    }

    /** Accepts every message and, as Twilio's message list does, tells a resumed send what it already has. */
    private static final class Provider implements ChannelSender {

        private final List<String[]> accepted = new ArrayList<>(); // sid, body

        @Override
        public Channel channel() {
            return Channel.WHATSAPP;
        }

        @Override
        public String defaultFrom() {
            return FROM;
        }

        @Override
        public synchronized SendResult send(OutboundMessage message) {
            String sid = String.format("SM%032d", accepted.size() + 1);
            accepted.add(new String[]{sid, message.body()});
            return new SendResult.Accepted(sid);
        }

        @Override
        public synchronized Optional<String> findAlreadySent(OutboundMessage message, Set<String> knownIds, Instant since) {
            for (int i = accepted.size() - 1; i >= 0; i--) {
                if (accepted.get(i)[1].equals(message.body()) && !knownIds.contains(accepted.get(i)[0])) {
                    return Optional.of(accepted.get(i)[0]);
                }
            }
            return Optional.empty();
        }

        synchronized List<String[]> accepted() {
            return List.copyOf(accepted);
        }
    }
}
