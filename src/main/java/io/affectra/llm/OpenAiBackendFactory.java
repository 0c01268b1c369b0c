package io.affectra.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Kind {@code openai}: any OpenAI-compatible chat-completions server, OpenAI itself when no base URL is set. */
@ApplicationScoped
public class OpenAiBackendFactory implements BackendFactory {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @Override
    public BackendKind kind() {
        return BackendKind.OPENAI;
    }

    @Override
    public OpenAiBackend create(String name, BackendConfig config) {
        return new OpenAiBackend(name, config, baseUrl(config).orElseThrow());
    }

    @Override
    public Optional<String> baseUrl(BackendConfig config) {
        return Optional.of(config.baseUrl().orElse(DEFAULT_BASE_URL));
    }
}
