package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.dialog.TurnResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Works off each conversation's inbox in arrival order. Within this instance one worker per conversation (a
 * {@link SerialExecutor}); across instances the {@link ConversationLock}. Each turn commits state, the
 * processed mark and the replies in one transaction, guarded by the state's version, so a turn can never be
 * applied twice even if a lock were lost.
 */
public final class TurnProcessor {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);
    private static final int BATCH = 32;

    private final Inbox inbox;
    private final ConversationStore conversations;
    private final DialogEngine dialogs;
    private final ConversationLock lock;
    private final BiConsumer<ConversationKey, ConversationStore.Queued> outboxSink;
    private final Duration lockWait;
    private final SerialExecutor<ConversationKey> serial;
    private final IntakePriority intake;
    private final CpuGate cpu;
    private final VoiceInputs voice;
    private final BooleanSupplier claimReplies;
    /** The latest hint per conversation (see {@link #schedule(ConversationKey, Inbox.Stored)}); taken by its drain. */
    private final ConcurrentHashMap<ConversationKey, ConversationStore.Opened> hints = new ConcurrentHashMap<>();

    /**
     * @param cpu   turns compute holding one of its permits; slow calls inside a turn give it back while they wait
     * @param voice transcribes voice notes before the dialog sees them; null: audio is answered as unreadable media
     * @param claimReplies whether a turn's commit should claim its replies for sending now (the sender keeps up)
     */
    public TurnProcessor(Inbox inbox, ConversationStore conversations, DialogEngine dialogs, ConversationLock lock,
                         BiConsumer<ConversationKey, ConversationStore.Queued> outboxSink, ExecutorService workers, Duration lockWait,
                         IntakePriority intake, CpuGate cpu, VoiceInputs voice, BooleanSupplier claimReplies) {
        this.intake = intake;
        this.claimReplies = claimReplies;
        this.cpu = cpu;
        this.voice = voice;
        this.inbox = inbox;
        this.conversations = conversations;
        this.dialogs = dialogs;
        this.lock = lock;
        this.outboxSink = outboxSink;
        this.lockWait = lockWait;
        this.serial = new SerialExecutor<>(workers, this::drain);
    }

    /**
     * Schedules the turn of a message just stored. If nothing older of its conversation was waiting, the state the
     * store saw is kept as a hint, and the drain starts from it instead of reading the conversation again.
     */
    public void schedule(ConversationKey key, Inbox.Stored stored) {
        if (stored.next()) {
            hints.put(key, new ConversationStore.Opened(stored.stateIfNext(), List.of(stored.message())));
        }
        serial.request(key);
    }

    /**
     * For the recovery sweeper: schedules the conversation only if this instance is not already on it. Under a
     * backlog every waiting message is "old", and re-running busy conversations would double the work.
     */
    public void scheduleIfIdle(ConversationKey key) {
        serial.requestIfIdle(key);
    }

    private void drain(ConversationKey key) {
        try {
            cpu.run(() -> {
                // after the permit, not before: the turn pool has more threads than permits, and a thread that
                // yielded and then queued for a permit would start computing in the middle of a webhook burst
                intake.yieldToIntake();
                drainHoldingCpu(key);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainHoldingCpu(ConversationKey key) {
        // taken before the lock: if another instance holds it, the hint is stale by the time we could use it
        ConversationStore.Opened hint = hints.remove(key);
        try {
            Optional<ConversationLock.Held> held = acquireLock(key);
            if (held.isEmpty()) {
                // another instance is working on this conversation; it will see our message in the inbox
                log.debug("conversation {} is locked elsewhere; leaving it to the holder", key);
                return;
            }
            try (ConversationLock.Held ignored = held.get()) {
                if (hint != null && process(hint.pending().get(0), hint.state(), true) != null) {
                    // nothing older was waiting, and each message stored since asked for a drain of its own
                    // after its store: the drain that follows reads them
                    return;
                }
                // no hint, or one overtaken by events (the message processed meanwhile, the state moved on)
                // loaded once per drain: while we hold the lock, each committed turn's result is the next state
                ConversationStore.Opened opened = conversations.open(key, BATCH);
                ConversationState state = opened.state();
                List<StoredInbound> batch = opened.pending();
                int turns = 0;
                while (true) {
                    for (StoredInbound inbound : batch) {
                        if (turns++ > 0) {
                            intake.yieldToIntake(); // each turn is a unit of background work, also within one drain
                        }
                        state = process(inbound, state, false);
                        if (state == null) {
                            return;
                        }
                    }
                    if (batch.size() < BATCH) {
                        break;
                    }
                    batch = inbox.pending(key, BATCH);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("processing conversation {} failed; its messages stay in the inbox and will be retried", key, e);
        }
    }

    /**
     * Takes the conversation's lock: at once when it is free (nearly always), else waiting for it without the CPU
     * permit. A turn that polled a lock held elsewhere while keeping its permit held up every other conversation of
     * this instance: after Redis came back with the locks of turns that could not release them, those waits took
     * both permits for seconds at a time, and replies lagged by a minute.
     */
    private Optional<ConversationLock.Held> acquireLock(ConversationKey key) throws InterruptedException {
        Optional<ConversationLock.Held> held = lock.tryAcquire(key, Duration.ZERO);
        if (held.isPresent() || lockWait.isZero()) {
            return held;
        }
        boolean[] interrupted = {false};
        held = cpu.outside(() -> {
            try {
                return lock.tryAcquire(key, lockWait);
            } catch (InterruptedException e) {
                interrupted[0] = true;
                return Optional.empty();
            }
        });
        if (interrupted[0]) {
            throw new InterruptedException("waiting for the lock of " + key);
        }
        return held;
    }

    /**
     * @param hinted the state came from a hint, which may be stale: a turn that cannot commit is expected then
     * @return the state after the turn, or null when the conversation should not continue now (state changed underneath)
     */
    private ConversationState process(StoredInbound inbound, ConversationState state, boolean hinted) {
        InboundMessage message = voice == null ? inbound.message() : voice.prepare(inbound.message(), state, dialogs);
        TurnResult result;
        try {
            result = dialogs.handle(state, message);
        } catch (RuntimeException e) {
            log.error("dialog failed on message {} of {}; answering with an apology", inbound.id(), message.conversation(), e);
            result = dialogs.apologise(state);
        }
        // the commit waits on the database (and its disk flush): other turns may compute meanwhile, and turns
        // committing together share a flush
        TurnResult turn = result;
        Optional<ConversationStore.Queued> queued = cpu.outside(() -> conversations.commitTurn(inbound, state, turn, message.to(),
                claimReplies.getAsBoolean()));
        if (queued.isEmpty()) {
            if (hinted) {
                log.debug("hinted turn for message {} of {} did not commit; reading the conversation", inbound.id(), message.conversation());
                return null;
            }
            log.warn("turn for message {} of {} was not committed: already processed or state changed concurrently",
                    inbound.id(), message.conversation());
            return null;
        }
        if (queued.get().isEmpty() && !result.replies().isEmpty()) {
            log.info("message {} from opted-out {}: no reply sent", inbound.id(), message.conversation());
        }
        outboxSink.accept(message.conversation(), queued.get());
        return state.after(result);
    }
}
