package com.shisha.core.pipeline;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.pipeline.ChannelSender.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * Sends outbox rows through the channel senders: claim (lease) -> rate limit -> send -> record. One
 * conversation's rows go out one at a time in id order (a {@link SerialExecutor} per conversation here, and
 * the claim refuses a row while an older one of its conversation is unsent), so a partner never sees replies
 * out of order, also across retries. Temporary
 * failures go back to PENDING with exponential backoff; a row the provider accepted is marked SENT and never
 * sent again. A row whose claim expired mid-send is first looked up at the provider ({@link
 * ChannelSender#findAlreadySent}) before it is sent again.
 */
public final class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** How far back a resumed send looks for its own earlier attempt at the provider. */
    private static final Duration RECONCILE_WINDOW = Duration.ofMinutes(10);
    /** Rows waiting on this instance below which a new reply is sent within well under a lease. */
    private static final int KEEPING_UP_BELOW = 256;

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final SendRateLimiter rateLimiter;
    private final SerialExecutor<ConversationKey> serial;
    private final ConcurrentHashMap<ConversationKey, Queue<Work>> queued = new ConcurrentHashMap<>();
    /** Rows queued here and not yet taken by a sender: a sweep does not queue them a second time. */
    private final java.util.Set<Long> queuedIds = ConcurrentHashMap.newKeySet();
    private final Backoff backoff;
    private final Duration lease;
    private final Clock clock;
    private final IntakePriority intake;

    public OutboxDispatcher(Outbox outbox, OptOuts optOuts, List<ChannelSender> senders, SendRateLimiter rateLimiter,
                            ExecutorService pool, Backoff backoff, Duration lease, Clock clock, IntakePriority intake) {
        this.intake = intake;
        this.outbox = outbox;
        this.optOuts = optOuts;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.rateLimiter = rateLimiter;
        this.serial = new SerialExecutor<>(pool, this::drain);
        this.backoff = backoff;
        this.lease = lease;
        this.clock = clock;
    }

    /** Queues a conversation's new rows (in id order) for sending on this instance. */
    public void submit(ConversationKey key, List<Long> ids) {
        enqueue(key, ids.stream().map(id -> new Work(id, null, 0)).toList());
    }

    /** Queues a turn's replies; those its commit already claimed go out without a claim of their own. */
    public void submit(ConversationKey key, ConversationStore.Queued replies) {
        if (replies.claimed().isEmpty()) {
            submit(key, replies.ids());
        } else {
            // the claims' age counts from their commit, not from now: a turn held up past the lease after its commit
            // hands over claims a sweep may have resumed and sent already
            enqueue(key, replies.claimed().stream().map(c -> new Work(c.message().id(), c, replies.claimedAtNanos())).toList());
        }
    }

    private void enqueue(ConversationKey key, List<Work> work) {
        if (work.isEmpty()) {
            return;
        }
        // ids first: a drain already running for this conversation may take the rows the moment they are in the
        // queue, and its removal of an id must come after the id's addition (else the id stays in the set for good,
        // and the set only grows: keepingUp() turns false for ever and the sweep skips those rows)
        work.forEach(w -> queuedIds.add(w.id()));
        // add inside compute: atomic with the drain's removal of an empty queue, so no row lands in a dropped queue
        queued.compute(key, (k, q) -> {
            Queue<Work> queue = q == null ? new ConcurrentLinkedQueue<>() : q;
            queue.addAll(work);
            return queue;
        });
        serial.request(key);
    }

    /**
     * Whether a reply queued now would go out within moments. A turn's commit claims its replies only then: a
     * claim's lease runs from the commit, and in a backlog it would run out before the send.
     */
    public boolean keepingUp() {
        return queuedIds.size() < KEEPING_UP_BELOW;
    }

    /** Rows queued here and not yet taken by a sender (for tests). */
    int queuedCount() {
        return queuedIds.size();
    }

    /** Picks up rows that are due (retries, and rows left behind by a crashed or busy instance). */
    public int sweep(int limit) {
        // in a backlog every queued row turns due (5 s after it was queued) while it still waits here in order;
        // queuing it again would only add claims bound to fail
        List<Outbox.Due> due = outbox.due(limit).stream().filter(d -> !queuedIds.contains(d.id())).toList();
        due.forEach(d -> submit(d.conversation(), List.of(d.id())));
        return due.size();
    }

    private void drain(ConversationKey key) {
        Queue<Work> queue = queued.get(key);
        if (queue != null) {
            Work work;
            while ((work = queue.poll()) != null) {
                queuedIds.remove(work.id());
                if (work.claimed() == null) {
                    deliver(work.id());
                } else {
                    intake.yieldToIntake();
                    sendClaimed(work);
                }
            }
        }
        queued.computeIfPresent(key, (k, q) -> q.isEmpty() ? null : q);
    }

    /**
     * A row its turn's commit claimed. If half its lease has passed since that commit (a backlog here, or a turn
     * thread held up after its commit), the lease could run out mid-send, or have run out already and a sweep
     * resumed the row: it is renewed first, and when that is too late it is left to the sweep, which asks the
     * provider before sending.
     */
    private void sendClaimed(Work work) {
        OptionalLong claimedAt = stillOurs(work.claimed(), work.claimedAtNanos());
        if (claimedAt.isEmpty()) {
            log.info("outbox row {}: its claim ran out before it could be sent from here; the recovery sweep resumes it",
                    work.id());
            return;
        }
        send(work.claimed(), claimedAt.getAsLong());
    }

    /**
     * A claim older than half its lease is renewed before use, or given up if it ran out or was taken over.
     *
     * @return a moment no later than the start of the lease that now holds (the claim's own, or the renewal's), for
     * the next check to count from; empty when the claim is no longer ours
     */
    private OptionalLong stillOurs(Outbox.ClaimedMessage claimed, long claimedAtNanos) {
        long now = System.nanoTime();
        if (now - claimedAtNanos <= lease.toNanos() / 2) {
            return OptionalLong.of(claimedAtNanos);
        }
        return outbox.renewLease(claimed.message().id(), claimed.message().attempts(), lease)
                ? OptionalLong.of(now) : OptionalLong.empty();
    }

    void deliver(long id) {
        intake.yieldToIntake(); // before the claim, so a pause never eats into the lease
        long claimedAt = System.nanoTime();
        Optional<Outbox.ClaimedMessage> claimed = outbox.claim(id, lease);
        if (claimed.isEmpty()) {
            return; // already sent or claimed elsewhere, or an older row of this conversation is still unsent
        }
        send(claimed.get(), claimedAt);
    }

    private void send(Outbox.ClaimedMessage claimed, long claimedAtNanos) {
        long id = claimed.message().id();
        OutboundMessage message = claimed.message();
        ChannelSender sender = senders.get(message.replyChannel());
        if (sender == null) {
            outbox.markFailed(id, "no sender for channel " + message.replyChannel());
            log.error("outbox row {}: no sender configured for channel {}", id, message.replyChannel());
            return;
        }
        if (claimed.optedOut()) {
            outbox.markSuppressed(id, "recipient opted out");
            log.info("outbox row {} to {} suppressed: recipient opted out", id, message.conversation());
            return;
        }
        try {
            if (claimed.resumed()) {
                Instant since = message.createdAt().minus(RECONCILE_WINDOW);
                Optional<String> already = sender.findAlreadySent(message,
                        outbox.sentProviderIds(message.conversation(), message.body(), since), since);
                if (already.isPresent()) {
                    outbox.markSent(id, already.get());
                    log.info("outbox row {} had reached the provider before a crash ({}); not sending again", id, already.get());
                    return;
                }
            }
            String from = message.from() != null ? message.from() : sender.defaultFrom();
            rateLimiter.acquire(from);
            // waiting for a permit can outlast the lease (Redis away, a sender's whole rate in use): a sweep may
            // have handed the row to another sender meanwhile, and both would send it
            if (stillOurs(claimed, claimedAtNanos).isEmpty()) {
                log.info("outbox row {}: its claim ran out while it waited for a send permit; the recovery sweep resumes it", id);
                return;
            }
            record(id, message, sender.send(message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // an unexpected failure in the sender is treated as temporary: the row is retried, never dropped
            retry(id, message, Duration.ZERO, e.toString(), true);
        }
    }

    private void record(long id, OutboundMessage message, SendResult result) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete
        if (result instanceof SendResult.Accepted accepted) {
            outbox.markSent(id, accepted.providerMessageId());
        } else if (result instanceof SendResult.Retry r) {
            retry(id, message, r.after(), r.reason(), r.maybeDelivered());
        } else if (result instanceof SendResult.Rejected rejected) {
            outbox.markFailed(id, rejected.reason());
            if (rejected.optedOut()) {
                optOuts.recordOptOut(message.conversation(), rejected.reason());
            }
            log.warn("outbox row {} to {} rejected by the provider: {}", id, message.conversation(), rejected.reason());
        }
    }

    private void retry(long id, OutboundMessage message, Duration atLeast, String reason, boolean maybeDelivered) {
        Duration wait = backoff.after(message.attempts(), atLeast);
        if (backoff.exhausted(message.attempts())) {
            outbox.markFailed(id, "gave up after " + message.attempts() + " attempts: " + reason);
            log.error("outbox row {} to {} failed after {} attempts: {}", id, message.conversation(), message.attempts(), reason);
            return;
        }
        outbox.retryLater(id, clock.instant().plus(wait), reason, maybeDelivered);
        log.info("outbox row {} to {}: temporary failure ({}); retry in {} ms", id, message.conversation(), reason, wait.toMillis());
    }

    /** A row to send: by id (claimed when its turn comes), or already claimed by the turn that queued it. */
    private record Work(long id, Outbox.ClaimedMessage claimed, long claimedAtNanos) {
    }

    /** Exponential backoff with a cap and a maximum number of attempts. */
    public record Backoff(Duration first, Duration max, int maxAttempts) {

        Duration after(int attempts, Duration atLeast) {
            long millis = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
            Duration wait = Duration.ofMillis(Math.min(millis, max.toMillis()));
            return wait.compareTo(atLeast) < 0 ? atLeast : wait;
        }

        boolean exhausted(int attempts) {
            return attempts >= maxAttempts;
        }
    }
}
