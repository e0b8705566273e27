package com.shisha.ai.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ollama's /api/chat through langchain4j-ollama. The client's own timeout bounds each HTTP exchange; the
 * deadline of a request is enforced here as well, on a separate thread, because a caller must get control
 * back on time even when the client is stuck somewhere its timeout does not cover (DNS, a half-open socket).
 */
public final class OllamaChatLlm implements ChatLlm, AutoCloseable {

    private final OllamaChatModel model;
    private final String baseUrl;
    private final boolean configured;
    private final String modelName;
    private final java.util.concurrent.ThreadPoolExecutor calls;
    private final int slots;
    /** Recent answers and timeouts: when, and how long each took; for telling "busy" and "slow" apart in health. */
    private final java.util.concurrent.ConcurrentLinkedDeque<long[]> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final long RECENT_MILLIS = Duration.ofMinutes(5).toMillis();
    private static final int RECENT_MAX = 500;

    /**
     * How the model is coping: calls answering now and waiting for a slot (all {@code slots} in use and some waiting is
     * "busy"), and the calls of the last five minutes, how many ran past their deadline and the 90th percentile of
     * those that answered ("slow").
     */
    public record Load(int slots, int answering, int waiting, int recentCalls, int recentTimeouts, long recentP90Millis) {
    }

    public Load load() {
        long now = System.currentTimeMillis();
        recent.removeIf(r -> now - r[0] > RECENT_MILLIS);
        List<Long> answered = new ArrayList<>();
        int timeouts = 0;
        int total = 0;
        for (long[] r : recent) {
            total++;
            if (r[2] == 1) {
                timeouts++;
            } else {
                answered.add(r[1]);
            }
        }
        answered.sort(null);
        long p90 = answered.isEmpty() ? 0 : answered.get(Math.min(answered.size() - 1, (int) Math.ceil(answered.size() * 0.9) - 1));
        return new Load(slots, calls.getActiveCount(), calls.getQueue().size(), total, timeouts, p90);
    }

    private void record(long startedMillis, boolean timedOut) {
        long now = System.currentTimeMillis();
        recent.addLast(new long[]{now, now - startedMillis, timedOut ? 1 : 0});
        while (recent.size() > RECENT_MAX) {
            recent.pollFirst();
        }
    }

    /**
     * @param maxConcurrent calls in flight at once; more wait for a slot (within their deadline). Ollama serves
     *                      few requests at a time anyway, so queueing here is cheaper than queueing there.
     */
    public OllamaChatLlm(Settings settings, int maxConcurrent) {
        this.baseUrl = settings.baseUrl().toString();
        this.configured = settings.configured();
        this.modelName = settings.model();
        this.model = OllamaChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0) // a retry cannot fit in a deadline sized for one answer
                .temperature(0.2)
                .build();
        this.slots = maxConcurrent;
        this.calls = (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, "ollama-call");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param timeout    the longest one answer may take (OLLAMA_TIMEOUT_MILLIS); callers use it as their deadline
     * @param configured whether an operator set the server's address; when not, nothing answering at the default
     *                   address means no model was ever installed rather than a server that went away
     */
    public record Settings(URI baseUrl, String model, Duration timeout, boolean configured) {

        public Settings(URI baseUrl, String model, Duration timeout) {
            this(baseUrl, model, timeout, true);
        }

        public Settings {
            if (baseUrl == null || baseUrl.getHost() == null
                    || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
                throw new IllegalArgumentException("OLLAMA_BASE_URL must be an http(s) URL, was " + baseUrl);
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("OLLAMA_MODEL must name a model, e.g. shisha-coach");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("OLLAMA_TIMEOUT_MILLIS must be positive, was " + timeout);
            }
        }
    }

    @Override
    public String chat(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(request.system()));
        for (LlmRequest.Turn turn : request.history()) {
            messages.add(turn.role() == LlmRequest.Role.USER ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        messages.add(UserMessage.from(request.user()));
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages);
        if (request.json()) {
            chat.responseFormat(ResponseFormat.JSON);
        }
        ChatRequest built = chat.build();
        long started = System.currentTimeMillis();
        java.util.concurrent.atomic.AtomicLong began = new java.util.concurrent.atomic.AtomicLong(-1);
        Future<ChatResponse> call = calls.submit(() -> {
            began.set(System.currentTimeMillis());
            return model.chat(built);
        });
        try {
            ChatResponse response = call.get(request.deadline().toMillis(), TimeUnit.MILLISECONDS);
            record(started, false);
            String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new LlmException(LlmException.Kind.BAD_ANSWER, "Ollama at " + baseUrl + " returned no message text", null);
            }
            return text;
        } catch (TimeoutException e) {
            call.cancel(true);
            long waited = (began.get() < 0 ? System.currentTimeMillis() : began.get()) - started;
            if (waited * 2 > request.deadline().toMillis()) {
                // most of the time went waiting for a slot other questions held: the model itself may be quick
                throw new LlmException(LlmException.Kind.BUSY, "the Ollama slots were all taken for " + waited + " of "
                        + request.deadline().toMillis() + " ms (OLLAMA_MAX_CONCURRENT " + slots + ")", e);
            }
            record(started, true);
            throw new LlmException(LlmException.Kind.TIMEOUT,
                    "Ollama at " + baseUrl + " gave no answer within " + request.deadline().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for Ollama", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
    }

    /** langchain4j's messages are often just "null" (a ConnectException has none): name what happened instead. */
    private LlmException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
                return configured
                        ? new LlmException(LlmException.Kind.UNREACHABLE, "Ollama is not reachable at " + baseUrl
                                + " (" + t.getClass().getSimpleName() + "); is it running and OLLAMA_BASE_URL right?", failure)
                        : new LlmException(LlmException.Kind.NOT_INSTALLED, "OLLAMA_BASE_URL is not set and no Ollama answers at "
                                + baseUrl + "; see the README on Ollama", failure);
            }
            if (t instanceof HttpException http) {
                if (http.statusCode() == 404) {
                    return new LlmException(LlmException.Kind.NOT_INSTALLED, "Ollama at " + baseUrl + " has no model "
                            + modelName + " (404); run ollama/pull.sh", failure);
                }
                if (http.statusCode() == 429 || http.statusCode() == 503) {
                    return new LlmException(LlmException.Kind.BUSY, "Ollama at " + baseUrl + " is overloaded ("
                            + http.statusCode() + ")", failure);
                }
            }
            if (t instanceof HttpTimeoutException) {
                return new LlmException(LlmException.Kind.TIMEOUT, "Ollama at " + baseUrl + " timed out", failure);
            }
        }
        return new LlmException(LlmException.Kind.BAD_ANSWER, "Ollama at " + baseUrl + " failed: "
                + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
