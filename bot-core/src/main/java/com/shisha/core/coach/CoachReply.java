package com.shisha.core.coach;

import java.util.List;

/**
 * @param answerId for thumbs up/down
 * @param text     ready to send: fits the request's maxChars and names its sources
 * @param sources  knowledge-base section ids the answer rests on
 */
public record CoachReply(String answerId, String text, List<String> sources, Mode mode) {

    public CoachReply {
        sources = List.copyOf(sources);
    }

    public enum Mode {
        /** the language model answered, grounded in the retrieved sections */
        MODEL,
        /** the model was down, slow or answered garbage: the retrieved passages, said so */
        PASSAGES,
        /** a guardrail answered: outside the products, a complaint or fraud (routed to a human), a role change refused */
        GUARDRAIL
    }
}
