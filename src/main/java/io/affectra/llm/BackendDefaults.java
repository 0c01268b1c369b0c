package io.affectra.llm;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.Locale;

/**
 * The defaults of a backend's settings, each written once: {@link BackendConfig}'s {@code @WithDefault}s name these
 * strings (annotations need constants) and {@link BackendSettings} reads its values from the same strings, so that
 * settings built in code and configured ones cannot drift apart.
 */
final class BackendDefaults {

    static final String TIMEOUT = "60s";
    static final String STRUCTURED_OUTPUT = "json-schema";
    static final String INVALID_ANSWER_RETRIES = "1";
    static final String MULTIMODAL = "false";
    static final String MAX_RETRIES = "2";
    static final String RETRY_BACKOFF = "200ms";
    static final String CIRCUIT_BREAKER_FAILURES = "5";
    static final String CIRCUIT_BREAKER_DELAY = "30s";
    static final String MAX_CONNECTIONS = "256";

    private BackendDefaults() {
    }

    /** A duration as the configuration writes it ({@code 60s}, {@code 200ms}), read the way Quarkus reads it. */
    static Duration duration(String value) {
        return DurationConverter.parseDuration(value);
    }

    /** An enum constant as the configuration writes it ({@code json-schema}). */
    static StructuredOutput structuredOutput(String value) {
        return StructuredOutput.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
