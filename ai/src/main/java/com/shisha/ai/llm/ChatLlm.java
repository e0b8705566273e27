package com.shisha.ai.llm;

/**
 * A chat language model, as the coach, call reviews and pitch tips need it: one request, one text answer,
 * within a deadline. The only implementation talks to Ollama; tests stand a WireMock in for Ollama's HTTP API.
 */
public interface ChatLlm {

    /**
     * @return the model's answer text (JSON text when the request asks for JSON)
     * @throws LlmException when the model is unreachable, errs, or misses the request's deadline
     */
    String chat(LlmRequest request);
}
