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
    private final IntakeBuffer journal;

    public InboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake) {
        this(inbox, turns, intake, null);
    }

    /**
     * @param journal null: a message is stored in the inbox before it is acknowledged. Else it is appended to the
     *                journal before, and the journal moves it from there into the inbox through this ingest;
     *                which messages go through it is the intake priority's call
     */
    public InboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake, IntakeBuffer journal) {
        this.inbox = inbox;
        this.turns = turns;
        this.intake = intake;
        this.journal = journal;
        if (journal != null) {
            journal.start(this::moveIntoInbox);
        }
    }

    /**
     * Makes the message durable and schedules its turn; returns once it is on disk. Stored in the inbox (once per
     * provider id), a copy stored before is answered {@link Outcome#DUPLICATE}. Journaled, copies are dropped
     * when they reach the inbox, so every copy is answered ACCEPTED.
     *
     * <p>Why storing some messages directly and journaling others keeps each conversation in arrival order: a
     * message goes directly only when nothing the journal took is unsettled. Any message acknowledged before this
     * one arrived was then either stored directly (it has its place in the inbox already) or journaled and
     * settled (likewise), so this one comes after it. A journaled message counts as unsettled from before its
     * append, so one arriving after its acknowledgement sees it and is journaled behind it. Messages in flight
     * at the same moment have no order to keep between them, as with two instances.
     */
    public Outcome accept(InboundMessage message) {
        intake.arrived();
        if (journal != null && intake.throughJournal(journal)) {
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
