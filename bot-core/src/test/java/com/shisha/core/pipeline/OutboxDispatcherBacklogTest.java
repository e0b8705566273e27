package com.shisha.core.pipeline;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's count of rows waiting on this instance decides whether turns claim their own replies
 * (keepingUp) and which rows a sweep skips. It must come back to zero once everything is sent: rows submitted
 * while a drain of the same conversation runs once left their ids behind for good.
 */
class OutboxDispatcherBacklogTest {

    @Test
    void theBacklogCountReturnsToZeroOnceEverySubmittedRowIsSent() throws Exception {
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        ChannelSender sender = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.WHATSAPP;
            }

            @Override
            public String defaultFrom() {
                return "whatsapp:+14155238886";
            }

            @Override
            public SendResult send(OutboundMessage message) {
                return new SendResult.Accepted("SM" + message.id());
            }
        };
        ExecutorService senders = Executors.newFixedThreadPool(4);
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        OutboxDispatcher dispatcher = new OutboxDispatcher(new MarkingOutbox(sent), (key, reason) -> { },
                List.of(sender), SendRateLimiter.UNLIMITED, senders,
                new OutboxDispatcher.Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), 3), Duration.ofSeconds(30),
                Clock.systemUTC(), IntakePriority.off());
        AtomicLong ids = new AtomicLong();
        int rows = 20_000;
        try {
            for (int i = 0; i < rows; i++) {
                // 20 conversations: each one's drain is mostly running while more of its rows arrive
                ConversationKey key = new ConversationKey(Channel.WHATSAPP, "+9198111000" + String.format("%02d", i % 20));
                submitters.execute(() -> {
                    long id = ids.incrementAndGet();
                    OutboundMessage m = new OutboundMessage(id, key, "whatsapp:+14155238886", "reply " + id, 1, Instant.now());
                    dispatcher.submit(key, new ConversationStore.Queued(List.of(id), List.of(new Outbox.ClaimedMessage(m, false, false)),
                            System.nanoTime()));
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sent.size() < rows && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sent).hasSize(rows);
            assertThat(dispatcher.queuedCount()).isZero();
            assertThat(dispatcher.keepingUp()).isTrue();
        } finally {
            submitters.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** Records SENT marks; nothing else is called for rows their turn already claimed. */
    private record MarkingOutbox(Set<Long> sent) implements Outbox {

        @Override
        public void markSent(long id, String providerMessageId) {
            sent.add(id);
        }

        @Override
        public long enqueueProactive(ConversationKey key, String from, String body, String contentSid, Map<String, String> variables) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ClaimedMessage> claim(long id, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean renewLease(long id, int attempts, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Due> due(int limit) {
            return List.of();
        }

        @Override
        public Set<String> sentProviderIds(ConversationKey key, String body, Instant since) {
            return Set.of();
        }

        @Override
        public void retryLater(long id, Instant notBefore, String reason, boolean reconcile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markFailed(long id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markSuppressed(long id, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
