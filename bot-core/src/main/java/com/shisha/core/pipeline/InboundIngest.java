package com.shisha.core.pipeline;

import com.shisha.core.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The front door of the pipeline: channels hand every inbound message here, then acknowledge the provider. */
public final class InboundIngest {

    private static final Logger log = LoggerFactory.getLogger(InboundIngest.class);

    public enum Outcome { ACCEPTED, DUPLICATE }

    private final Inbox inbox;
    private final TurnProcessor turns;
    private final IntakePriority intake;
    private final IntakeJournal journal;

    public InboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake) {
        this(inbox, turns, intake, null);
    }

    /**
     * @param journal null: a message is stored in the inbox before it is acknowledged. Else it is appended to the
     *                journal before, and this ingest moves it from there into the inbox (see {@link IntakeJournal})
     */
    public InboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake, IntakeJournal journal) {
        this.inbox = inbox;
        this.turns = turns;
        this.intake = intake;
        this.journal = journal;
        if (journal != null) {
            journal.start(this::moveIntoInbox, intake);
        }
    }

    /**
     * Makes the message durable and schedules its turn; returns once it is on disk. Without a journal: stored in
     * the inbox (once per provider id), and a copy stored before is answered {@link Outcome#DUPLICATE}. With
     * one: journaled, and copies are dropped when they reach the inbox, so every copy is answered ACCEPTED.
     */
    public Outcome accept(InboundMessage message) {
        intake.arrived();
        if (journal != null) {
            journal.append(message);
            return Outcome.ACCEPTED;
        }
        Optional<Inbox.Stored> stored = inbox.store(message);
        if (stored.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        turns.schedule(message.conversation(), stored.get());
        return Outcome.ACCEPTED;
    }

    private List<RuntimeException> moveIntoInbox(List<InboundMessage> messages) {
        List<Inbox.Attempt> attempts = inbox.storeAll(messages);
        List<RuntimeException> failures = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            Inbox.Attempt attempt = attempts.get(i);
            InboundMessage message = messages.get(i);
            if (attempt.stored().isPresent()) {
                turns.schedule(message.conversation(), attempt.stored().get());
            } else if (attempt.failure() == null) {
                log.info("duplicate delivery of {} from {} dropped when moved from the intake journal, not processed again",
                        message.providerMessageId(), message.conversation());
            }
            failures.add(attempt.failure());
        }
        return failures;
    }
}
