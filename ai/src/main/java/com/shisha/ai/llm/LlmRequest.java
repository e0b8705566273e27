package com.shisha.ai.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param system   the instructions; never mixed with user text, so a partner cannot rewrite them
 * @param history  earlier turns of the conversation, oldest first
 * @param user     the new user message
 * @param json     ask the model for a JSON object (Ollama's "format": "json")
 * @param deadline the longest the caller waits for the whole answer
 */
public record LlmRequest(String system, List<Turn> history, String user, boolean json, Duration deadline) {

    public LlmRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deadline, "deadline");
        history = history == null ? List.of() : List.copyOf(history);
    }

    public enum Role { USER, ASSISTANT }

    public record Turn(Role role, String text) {
    }
}
