package com.shisha.ai.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A WireMock speaking Ollama's /api/chat wire format (non-streaming): the body Ollama 0.x returns, with its
 * timing fields, so the real langchain4j client parses what it would parse in production.
 */
public final class OllamaStandIn implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public OllamaStandIn() {
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    /** The real Ollama client pointed at this stand-in, as the app builds it; the caller closes it. */
    public OllamaChatLlm client() {
        return new OllamaChatLlm(new OllamaChatLlm.Settings(baseUrl(), "shisha-coach", java.time.Duration.ofSeconds(5)), 2);
    }

    public WireMockServer server() {
        return server;
    }

    /** The JSON Ollama answers a non-streaming /api/chat with. */
    public static String chatResponse(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return """
                {"model":"shisha-coach","created_at":"2026-11-26T06:00:00.000000Z",\
                "message":{"role":"assistant","content":"%s"},"done_reason":"stop","done":true,\
                "total_duration":912345678,"load_duration":1234567,"prompt_eval_count":312,\
                "prompt_eval_duration":401234567,"eval_count":87,"eval_duration":509876543}""".formatted(escaped);
    }

    public void answers(String content) {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(chatResponse(content))));
    }

    public void fails(int status, String error) {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("{\"error\":\"" + error + "\"}")));
    }

    public void hangs(int millis, String content) {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200).withFixedDelay(millis)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(chatResponse(content))));
    }

    public void answersRaw(String body) {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
