package com.shisha.core.pipeline;

import com.shisha.core.InboundMessage;

import java.util.Optional;

/** The front door of the pipeline: channels hand every inbound message here, then acknowledge the provider. */
public final class InboundIngest {

    public enum Outcome { ACCEPTED, DUPLICATE }

    private final Inbox inbox;
    private final TurnProcessor turns;
    private final IntakePriority intake;

    public InboundIngest(Inbox inbox, TurnProcessor turns, IntakePriority intake) {
        this.inbox = inbox;
        this.turns = turns;
        this.intake = intake;
    }

    /** Stores the message durably (once per provider id) and schedules its turn. Returns after the commit. */
    public Outcome accept(InboundMessage message) {
        Optional<Inbox.Stored> stored;
        intake.enter();
        try {
            stored = inbox.store(message);
        } finally {
            intake.leave();
        }
        if (stored.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        turns.schedule(message.conversation(), stored.get());
        return Outcome.ACCEPTED;
    }
}
