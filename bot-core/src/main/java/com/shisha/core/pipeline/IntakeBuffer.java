package com.shisha.core.pipeline;

import com.shisha.core.InboundMessage;

import java.util.List;

/**
 * A local, durable place an acknowledged message can wait in before the inbox takes it: the acknowledgement then
 * waits for a flush shared with every webhook arriving at that moment instead of for a database commit.
 * {@link InboundIngest} decides which messages go through it and hands it a {@link Sink} that stores them in the
 * inbox; the buffer moves what it took there, in the order it took it, and never drops an acknowledged message.
 * The intake journal of persistence is the implementation.
 */
public interface IntakeBuffer {

    /** Where the buffer moves its messages: the inbox. */
    interface Sink {
        /**
         * Stores the messages, in their order. Returns, per message, null when it is in the inbox (stored now or
         * before) or why it could not be stored.
         */
        List<RuntimeException> store(List<InboundMessage> messages);
    }

    /** Takes the message and returns once it is durable. */
    void append(InboundMessage message);

    /** Starts moving what was taken (and what an earlier run took and did not move) into the sink, oldest first. */
    void start(Sink sink);

    /**
     * Messages taken and not yet settled in the inbox, including those still being written. While this is above
     * zero, a message stored in the inbox directly could overtake one the buffer took earlier.
     */
    long unsettled();
}
