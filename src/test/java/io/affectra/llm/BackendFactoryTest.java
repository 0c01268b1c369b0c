package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.llm.local.LocalBackendFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendFactoryTest {

    private static BackendSettings unset(BackendKind kind) {
        return new BackendSettings(kind, null, Optional.of("m"), null, null, null, null, 1);
    }

    @Test
    void eachKindOwnsItsDefaultBaseUrl() {
        assertThat(new OpenAiBackendFactory().baseUrl(unset(BackendKind.OPENAI))).contains("https://api.openai.com/v1");
        assertThat(new OllamaBackendFactory().baseUrl(unset(BackendKind.OLLAMA))).contains("http://127.0.0.1:11434");
        assertThat(new LocalBackendFactory().baseUrl(BackendSettings.local())).isEmpty();
    }

    @Test
    void theGatewayReachesOllamaThroughItsOpenAiCompatibleApi() {
        assertThat(new OllamaBackendFactory().openAiCompatibleBaseUrl(BackendSettings.ollama("http://gpu:11434", "m")))
                .contains("http://gpu:11434/v1");
        assertThat(new OpenAiBackendFactory().openAiCompatibleBaseUrl(BackendSettings.openAi("http://vllm:8000/v1", "m")))
                .contains("http://vllm:8000/v1");
        assertThat(new LocalBackendFactory().openAiCompatibleBaseUrl(BackendSettings.local())).isEmpty();
    }
}
