package io.affectra.llm;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One named backend: {@code affectra.backends.<name>.*}. Declared at run time, no rebuild needed. */
public interface BackendConfig {

    BackendKind kind();

    /** Base URL of the server, e.g. {@code http://127.0.0.1:8000/v1} (openai) or {@code http://127.0.0.1:11434} (ollama). */
    Optional<String> baseUrl();

    /** Model name on that server. */
    Optional<String> model();

    /** Bearer key for the server; never logged. */
    Optional<String> apiKey();

    @WithDefault(BackendDefaults.TIMEOUT)
    Duration timeout();

    @WithDefault(BackendDefaults.STRUCTURED_OUTPUT)
    StructuredOutput structuredOutput();

    OptionalDouble temperature();

    /** How many times a reply that is not a valid answer is asked for again before failing. */
    @WithDefault(BackendDefaults.INVALID_ANSWER_RETRIES)
    int invalidAnswerRetries();

    /** At most this many calls in flight to this backend at once, over all requests and evaluations; unlimited if unset. */
    OptionalInt maxConcurrency();

    /** At most this many calls per minute to this backend (evenly spaced); unlimited if unset. */
    OptionalInt requestsPerMinute();

    // ---- The OpenAI-compatible gateway (/v1/chat/completions) reads the settings below. ----

    /** The backend tried next when this one is unavailable, times out or its circuit is open (chat surface). */
    Optional<String> fallback();

    /** Whether the model reads images: only then, and only where privacy allows, does media reach it. */
    @WithDefault(BackendDefaults.MULTIMODAL)
    boolean multimodal();

    /** Retries on connection failures, 429 and 5xx before any byte reached the client (chat surface). */
    @WithDefault(BackendDefaults.MAX_RETRIES)
    int maxRetries();

    /** First retry delay, doubled on each retry (with jitter); a backend's Retry-After wins when it says more. */
    @WithDefault(BackendDefaults.RETRY_BACKOFF)
    Duration retryBackoff();

    /** Consecutive failures that open the circuit breaker (0 turns it off). */
    @WithDefault(BackendDefaults.CIRCUIT_BREAKER_FAILURES)
    int circuitBreakerFailures();

    /** How long an open circuit refuses calls before one trial call may close it again. */
    @WithDefault(BackendDefaults.CIRCUIT_BREAKER_DELAY)
    Duration circuitBreakerDelay();

    /** Pooled HTTP connections the gateway keeps to this backend, per event loop (each loop has its own pool). */
    @WithDefault(BackendDefaults.MAX_CONNECTIONS)
    int maxConnections();
}
