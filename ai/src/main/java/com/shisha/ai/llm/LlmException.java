package com.shisha.ai.llm;

/** Why the model gave no usable answer. Callers fall back (passages, rubric scorer, baseline tips) and log the reason. */
public final class LlmException extends RuntimeException {

    public enum Kind {
        /** nothing listens at the configured URL, or the connection broke */
        UNREACHABLE,
        /** no model server was configured and none answers at the default address, or the server lacks the model */
        NOT_INSTALLED,
        /** the request waited for a free slot for its whole deadline, or the server said it is overloaded */
        BUSY,
        /** the model was answering but gave no complete answer within the deadline */
        TIMEOUT,
        /** the server answered with an error or with something that is not an Ollama chat response */
        BAD_ANSWER
    }

    private final Kind kind;

    public LlmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
