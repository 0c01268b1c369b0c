package io.affectra.llm;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.util.Map;

/** An Ollama server through its native {@code /api/chat}; the schema goes in Ollama's {@code format} field. */
public final class OllamaBackend extends ChatModelBackend {

    /** Made by {@link OllamaBackendFactory}, which resolves the base URL. */
    OllamaBackend(String name, BackendConfig config, String baseUrl) {
        super(name, BackendKind.OLLAMA, requireModel(name, config), config.structuredOutput(), build(config, baseUrl));
    }

    private static OllamaChatModel build(BackendConfig config, String baseUrl) {
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(config.model().orElseThrow())
                .timeout(config.timeout())
                .maxRetries(0);
        // Ollama itself has no keys; one configured is for a proxy in front of it.
        config.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> builder.customHeaders(Map.of("Authorization", "Bearer " + k)));
        config.temperature().ifPresent(builder::temperature);
        return builder.build();
    }

    @Override
    protected ChatRequestParameters seeded(ChatRequestParameters base, int seed) {
        return OllamaChatRequestParameters.builder().overrideWith(base).seed(seed).build();
    }
}
