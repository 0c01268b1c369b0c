package io.affectra.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Kind {@code ollama}: an Ollama server, on this machine when no base URL is set. */
@ApplicationScoped
public class OllamaBackendFactory implements BackendFactory {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    @Override
    public BackendKind kind() {
        return BackendKind.OLLAMA;
    }

    @Override
    public OllamaBackend create(String name, BackendConfig config) {
        return new OllamaBackend(name, config, baseUrl(config).orElseThrow());
    }

    @Override
    public Optional<String> baseUrl(BackendConfig config) {
        return Optional.of(config.baseUrl().orElse(DEFAULT_BASE_URL));
    }

    /** Analyses use Ollama's native API; the gateway relays chats to the OpenAI-compatible one it serves under {@code /v1}. */
    @Override
    public Optional<String> openAiCompatibleBaseUrl(BackendConfig config) {
        return baseUrl(config).map(base -> base + "/v1");
    }
}
