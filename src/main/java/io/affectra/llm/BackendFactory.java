package io.affectra.llm;

import java.util.Optional;

/**
 * Makes the backends of one {@link BackendKind} and owns that kind's defaults, such as where its server is. Each kind
 * has one factory, a CDI bean; {@link BackendRegistry} picks it by {@code affectra.backends.<name>.kind}.
 */
public interface BackendFactory {

    BackendKind kind();

    /**
     * Builds one backend. The registry has already checked what every kind needs (a name, a positive timeout).
     *
     * @throws IllegalArgumentException when the settings are incomplete for this kind (e.g. an openai backend without a model)
     */
    EmotionBackend create(String name, BackendConfig config);

    /** The server a backend of this kind talks to: its {@code base-url}, else this kind's default; empty when in-process. */
    Optional<String> baseUrl(BackendConfig config);

    /** The base of that server's OpenAI-compatible API, which the chat gateway relays to; empty when it has none. */
    default Optional<String> openAiCompatibleBaseUrl(BackendConfig config) {
        return baseUrl(config);
    }
}
