package io.affectra.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A plain {@link BackendConfig}: what tests, experiments and the implicit {@code local} backend use
 * where no {@code affectra.backends.<name>.*} properties exist. Unset settings take the configuration's defaults
 * ({@link BackendDefaults}).
 */
public record BackendSettings(
        BackendKind kind,
        Optional<String> baseUrl,
        Optional<String> model,
        Optional<String> apiKey,
        Duration timeout,
        StructuredOutput structuredOutput,
        OptionalDouble temperature,
        int invalidAnswerRetries) implements BackendConfig {

    public static final Duration DEFAULT_TIMEOUT = BackendDefaults.duration(BackendDefaults.TIMEOUT);

    private static final StructuredOutput DEFAULT_STRUCTURED_OUTPUT = BackendDefaults.structuredOutput(BackendDefaults.STRUCTURED_OUTPUT);
    private static final int DEFAULT_INVALID_ANSWER_RETRIES = Integer.parseInt(BackendDefaults.INVALID_ANSWER_RETRIES);
    private static final boolean DEFAULT_MULTIMODAL = Boolean.parseBoolean(BackendDefaults.MULTIMODAL);
    private static final int DEFAULT_MAX_RETRIES = Integer.parseInt(BackendDefaults.MAX_RETRIES);
    private static final Duration DEFAULT_RETRY_BACKOFF = BackendDefaults.duration(BackendDefaults.RETRY_BACKOFF);
    private static final int DEFAULT_CIRCUIT_BREAKER_FAILURES = Integer.parseInt(BackendDefaults.CIRCUIT_BREAKER_FAILURES);
    private static final Duration DEFAULT_CIRCUIT_BREAKER_DELAY = BackendDefaults.duration(BackendDefaults.CIRCUIT_BREAKER_DELAY);
    private static final int DEFAULT_MAX_CONNECTIONS = Integer.parseInt(BackendDefaults.MAX_CONNECTIONS);

    public BackendSettings {
        Objects.requireNonNull(kind, "kind");
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
        model = model == null ? Optional.empty() : model;
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        structuredOutput = structuredOutput == null ? DEFAULT_STRUCTURED_OUTPUT : structuredOutput;
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        if (invalidAnswerRetries < 0) {
            throw new IllegalArgumentException("invalidAnswerRetries must be >= 0");
        }
    }

    public static BackendSettings local() {
        return new BackendSettings(BackendKind.LOCAL, null, null, null, null, null, null, DEFAULT_INVALID_ANSWER_RETRIES);
    }

    public static BackendSettings openAi(String baseUrl, String model) {
        return new BackendSettings(BackendKind.OPENAI, Optional.of(baseUrl), Optional.of(model), null, null, null, null, DEFAULT_INVALID_ANSWER_RETRIES);
    }

    public static BackendSettings ollama(String baseUrl, String model) {
        return new BackendSettings(BackendKind.OLLAMA, Optional.of(baseUrl), Optional.of(model), null, null, null, null, DEFAULT_INVALID_ANSWER_RETRIES);
    }

    /** A copy of any config, e.g. to change one setting of a configured backend for an experiment. */
    public static BackendSettings copyOf(BackendConfig c) {
        return new BackendSettings(c.kind(), c.baseUrl(), c.model(), c.apiKey(), c.timeout(), c.structuredOutput(),
                c.temperature(), c.invalidAnswerRetries());
    }

    public BackendSettings withApiKey(String key) {
        return new BackendSettings(kind, baseUrl, model, Optional.ofNullable(key), timeout, structuredOutput, temperature, invalidAnswerRetries);
    }

    public BackendSettings withTimeout(Duration value) {
        return new BackendSettings(kind, baseUrl, model, apiKey, value, structuredOutput, temperature, invalidAnswerRetries);
    }

    public BackendSettings withStructuredOutput(StructuredOutput value) {
        return new BackendSettings(kind, baseUrl, model, apiKey, timeout, value, temperature, invalidAnswerRetries);
    }

    public BackendSettings withTemperature(double value) {
        return new BackendSettings(kind, baseUrl, model, apiKey, timeout, structuredOutput, OptionalDouble.of(value), invalidAnswerRetries);
    }

    public BackendSettings withInvalidAnswerRetries(int value) {
        return new BackendSettings(kind, baseUrl, model, apiKey, timeout, structuredOutput, temperature, value);
    }

    /** Plain settings carry no call limits (configured backends can: {@code max-concurrency}, {@code requests-per-minute}). */
    @Override
    public OptionalInt maxConcurrency() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt requestsPerMinute() {
        return OptionalInt.empty();
    }

    // The gateway settings keep their configuration defaults here: settings built in code are for the analyse path,
    // experiments and tests, which do not proxy chats.

    @Override
    public Optional<String> fallback() {
        return Optional.empty();
    }

    @Override
    public boolean multimodal() {
        return DEFAULT_MULTIMODAL;
    }

    @Override
    public int maxRetries() {
        return DEFAULT_MAX_RETRIES;
    }

    @Override
    public Duration retryBackoff() {
        return DEFAULT_RETRY_BACKOFF;
    }

    @Override
    public int circuitBreakerFailures() {
        return DEFAULT_CIRCUIT_BREAKER_FAILURES;
    }

    @Override
    public Duration circuitBreakerDelay() {
        return DEFAULT_CIRCUIT_BREAKER_DELAY;
    }

    @Override
    public int maxConnections() {
        return DEFAULT_MAX_CONNECTIONS;
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "BackendSettings[kind=" + kind + ", baseUrl=" + baseUrl.orElse("-") + ", model=" + model.orElse("-")
                + ", apiKey=" + (apiKey.isPresent() ? "***" : "-") + ", timeout=" + timeout + ", structuredOutput="
                + structuredOutput + ", temperature=" + temperature + ", invalidAnswerRetries=" + invalidAnswerRetries + "]";
    }
}
