package io.affectra.encoder.speech;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** One named speech-to-text backend: {@code affectra.transcription.backends.<name>.*}. */
public interface TranscriptionBackendConfig {

    /** How it is reached; {@code openai}: the OpenAI transcription API (OpenAI, vLLM, whisper.cpp's server, faster-whisper servers). */
    TranscriptionKind kind();

    /** The server, with or without {@code /v1}: {@code http://127.0.0.1:8000/v1} (vLLM), {@code http://127.0.0.1:8080} (whisper.cpp). */
    @WithDefault("https://api.openai.com/v1")
    String baseUrl();

    /** The model name sent with the audio (whisper.cpp's server ignores it). */
    @WithDefault("whisper-1")
    String model();

    /** Bearer key for the server; never logged. */
    Optional<String> apiKey();

    /** The whole exchange, upload included; a call that takes longer is given up (and not retried). */
    @WithDefault("120s")
    Duration timeout();

    /** Whether the audio may go to this backend in de-identified mode (a server the operator runs, say). */
    @WithDefault("false")
    boolean trusted();

    /** Retries on connection failures, 429 and 5xx. */
    @WithDefault("2")
    int maxRetries();

    /** First retry delay, doubled on each retry (with jitter); the server's Retry-After wins when it says more. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** Consecutive failures that open the circuit breaker (0 turns it off). */
    @WithDefault("5")
    int circuitBreakerFailures();

    /** How long an open circuit refuses calls before one trial call may close it again. */
    @WithDefault("30s")
    Duration circuitBreakerDelay();
}
