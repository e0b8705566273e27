package com.shisha.ai.llm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OllamaChatLlmTest {

    private final OllamaStandIn ollama = new OllamaStandIn();
    private final OllamaChatLlm llm = new OllamaChatLlm(
            new OllamaChatLlm.Settings(ollama.baseUrl(), "shisha-coach", Duration.ofSeconds(5)), 2);

    @AfterEach
    void close() {
        llm.close();
        ollama.close();
    }

    private static LlmRequest ask(String user, boolean json, Duration deadline) {
        return new LlmRequest("You are a coach.", List.of(new LlmRequest.Turn(LlmRequest.Role.USER, "hi"),
                new LlmRequest.Turn(LlmRequest.Role.ASSISTANT, "Hello!")), user, json, deadline);
    }

    @Test
    void sendsSystemHistoryAndQuestionAndReturnsTheAnswer() {
        ollama.answers("Ask about the customer's income first. [loans-eligibility]");

        String answer = llm.chat(ask("How do I pitch a loan?", true, Duration.ofSeconds(3)));

        assertThat(answer).isEqualTo("Ask about the customer's income first. [loans-eligibility]");
        ollama.server().verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(equalToJson("""
                {"model":"shisha-coach","stream":false,"format":"json","messages":[
                  {"role":"system","content":"You are a coach."},
                  {"role":"user","content":"hi"},
                  {"role":"assistant","content":"Hello!"},
                  {"role":"user","content":"How do I pitch a loan?"}]}""", true, true)));
    }

    @Test
    void serverErrorIsABadAnswer() {
        ollama.fails(500, "model 'shisha-coach' not found");

        assertThatThrownBy(() -> llm.chat(ask("q", false, Duration.ofSeconds(3))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_ANSWER));
    }

    @Test
    void malformedJsonIsABadAnswer() {
        ollama.answersRaw("{\"model\":\"shisha-coach\",\"message\":{\"role\":\"assi");

        assertThatThrownBy(() -> llm.chat(ask("q", false, Duration.ofSeconds(3))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_ANSWER));
    }

    @Test
    void emptyContentIsABadAnswer() {
        ollama.answers("");

        assertThatThrownBy(() -> llm.chat(ask("q", false, Duration.ofSeconds(3))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_ANSWER));
    }

    /** Health tells "busy" (every slot answering, calls waiting) from "slow" (answers past their deadline). */
    @Test
    void itsLoadShowsCallsWaitingForASlotAndAnswersPastTheirDeadline() throws Exception {
        assertThat(llm.load()).isEqualTo(new OllamaChatLlm.Load(2, 0, 0, 0, 0, 0));
        ollama.hangs(1_500, "slowly");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                asked.add(pool.submit(() -> llm.chat(ask("q", false, Duration.ofMillis(600)))));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            OllamaChatLlm.Load busy = llm.load();
            while ((busy.answering() < 2 || busy.waiting() < 1) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                busy = llm.load();
            }
            assertThat(busy.answering()).as("both slots answering").isEqualTo(2);
            assertThat(busy.waiting()).as("a third call waiting for a slot").isEqualTo(1);
            List<LlmException.Kind> kinds = new java.util.ArrayList<>();
            for (var f : asked) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(LlmException.class)
                        .satisfies(e -> kinds.add(((LlmException) e.getCause()).kind()));
            }
            // two reached the model and ran out of time; the third spent its whole wait queueing for a slot
            assertThat(kinds).containsExactlyInAnyOrder(LlmException.Kind.TIMEOUT, LlmException.Kind.TIMEOUT, LlmException.Kind.BUSY);
        } finally {
            pool.shutdownNow();
        }
        OllamaChatLlm.Load after = llm.load();
        assertThat(after.recentCalls()).as("only calls the model took count towards 'slow'").isEqualTo(2);
        assertThat(after.recentTimeouts()).isEqualTo(2);
    }

    @Test
    void aHangingServerTimesOutAtTheDeadline() {
        ollama.hangs(4_000, "too late");

        long start = System.nanoTime();
        assertThatThrownBy(() -> llm.chat(ask("q", false, Duration.ofMillis(300))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
        // control comes back at the deadline, not when the server finally answers
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
    }

    @Test
    void nothingListeningIsUnreachableWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (OllamaChatLlm down = new OllamaChatLlm(new OllamaChatLlm.Settings(URI.create("http://localhost:" + port),
                "shisha-coach", Duration.ofSeconds(2)), 1)) {
            assertThatThrownBy(() -> down.chat(ask("q", false, Duration.ofSeconds(2))))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).contains("not reachable", "localhost:" + port);
                    });
        }
    }

    @Test
    void settingsNameTheVariable() {
        assertThatThrownBy(() -> new OllamaChatLlm.Settings(URI.create("ftp://x"), "m", Duration.ofSeconds(1)))
                .hasMessageContaining("OLLAMA_BASE_URL");
        assertThatThrownBy(() -> new OllamaChatLlm.Settings(URI.create("http://x:1"), " ", Duration.ofSeconds(1)))
                .hasMessageContaining("OLLAMA_MODEL");
    }
}
