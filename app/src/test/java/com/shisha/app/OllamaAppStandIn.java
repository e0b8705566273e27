package com.shisha.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock in Ollama's place for the whole app, speaking /api/chat's non-streaming wire format. By default the
 * model is "not loaded" (Ollama's 404 answer), so every fallback is what tests see unless a test makes the
 * model answer. One per test JVM.
 */
final class OllamaAppStandIn {

    /** In the coach's system prompt only: pitch tips and call reviews ask the same endpoint other things. */
    static final String COACH_PROMPT_MARK = "friendly sales coach";
    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(post(urlEqualTo("/api/chat")).atPriority(10).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"error\":\"model 'shisha-coach' not found, try pulling it first\"}")));
            // Ollama's list of installed models: a base model pulled, the coach's model not created
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/tags")).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"models\":[{\"name\":\"qwen2.5:1.5b\",\"model\":\"qwen2.5:1.5b\",\"modified_at\":"
                            + "\"2026-11-02T10:11:12.123456789Z\",\"size\":986061892,\"digest\":\"65ec06548149\","
                            + "\"details\":{\"format\":\"gguf\",\"family\":\"qwen2\",\"parameter_size\":\"1.5B\","
                            + "\"quantization_level\":\"Q4_K_M\"}}]}")));
        }
        return server;
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** The coach's next answers are this text, as Ollama would return it; remove the returned stub to undo. */
    static StubMapping coachAnswers(String content) {
        return server().stubFor(post(urlEqualTo("/api/chat")).atPriority(1).withId(UUID.randomUUID())
                .withRequestBody(containing(COACH_PROMPT_MARK))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(chatResponse(content))));
    }

    static void remove(StubMapping stub) {
        server().removeStub(stub);
    }

    static String chatResponse(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return """
                {"model":"shisha-coach","created_at":"2026-11-26T06:00:00.000000Z",\
                "message":{"role":"assistant","content":"%s"},"done_reason":"stop","done":true,\
                "total_duration":912345678,"load_duration":1234567,"prompt_eval_count":312,\
                "prompt_eval_duration":401234567,"eval_count":87,"eval_duration":509876543}""".formatted(escaped);
    }
}
