package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.llm.local.LocalCueFusionBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendRegistryTest {

    @Test
    void localExistsWithoutConfiguration() {
        BackendRegistry registry = TestBackends.registry(Map.of(), "local");

        assertThat(registry.get("local")).isInstanceOf(LocalCueFusionBackend.class);
        assertThat(registry.defaultName()).isEqualTo("local");
        assertThat(registry.list()).singleElement().satisfies(info -> {
            assertThat(info.kind()).isEqualTo(BackendKind.LOCAL);
            assertThat(info.isDefault()).isTrue();
            assertThat(info.baseUrl()).isNull();
        });
    }

    @Test
    void buildsEachConfiguredBackendOnce() {
        BackendRegistry registry = TestBackends.registry(Map.of(
                "vllm", BackendSettings.openAi("http://127.0.0.1:8000/v1", "qwen").withApiKey("sk-secret"),
                "ollama", BackendSettings.ollama("http://127.0.0.1:11434", "llama3.2")), "vllm");

        assertThat(registry.names()).containsExactly("local", "ollama", "vllm");
        assertThat(registry.get("vllm")).isInstanceOf(OpenAiBackend.class).isSameAs(registry.get("vllm"));
        assertThat(registry.get("ollama")).isInstanceOf(OllamaBackend.class);
        assertThat(registry.config("vllm").invalidAnswerRetries()).isEqualTo(1);
        List<BackendInfo> list = registry.list();
        assertThat(list).extracting(BackendInfo::name).containsExactly("local", "ollama", "vllm");
        assertThat(list).filteredOn(BackendInfo::isDefault).extracting(BackendInfo::name).containsExactly("vllm");
        assertThat(list.get(2)).isEqualTo(new BackendInfo("vllm", BackendKind.OPENAI, "qwen", "http://127.0.0.1:8000/v1",
                Duration.ofSeconds(60), StructuredOutput.JSON_SCHEMA, true));
        assertThat(list.toString()).doesNotContain("sk-secret");
        assertThat(registry.config("vllm").toString()).doesNotContain("sk-secret");
    }

    @Test
    void defaultNamingNoBackendFailsFast() {
        assertThatThrownBy(() -> TestBackends.registry(Map.of(), "vllm"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("affectra.default-backend=vllm");
    }

    @Test
    void unknownNameThrows() {
        BackendRegistry registry = TestBackends.registry(Map.of(), "local");

        assertThatThrownBy(() -> registry.get("nope")).isInstanceOfSatisfying(UnknownBackendException.class,
                e -> assertThat(e.backend()).isEqualTo("nope"));
    }

    @Test
    void incompleteSettingsFailAtCreation() {
        BackendSettings noModel = new BackendSettings(BackendKind.OPENAI, null, null, null, null, null, null, 1);

        assertThatThrownBy(() -> TestBackends.registry(Map.of(), "local").create("vllm", noModel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("affectra.backends.vllm.model is required for kind openai");
        assertThatThrownBy(() -> TestBackends.registry(Map.of(), "local").create("x", BackendSettings.local().withTimeout(Duration.ZERO)))
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void openAiWithoutBaseUrlMeansOpenAi() {
        BackendSettings settings = new BackendSettings(BackendKind.OPENAI, null, Optional.of("gpt-4o-mini"), null, null, null, null, 1);

        BackendRegistry registry = TestBackends.registry(Map.of("openai", settings), "local");

        assertThat(registry.list()).filteredOn(i -> i.name().equals("openai")).singleElement()
                .extracting(BackendInfo::baseUrl).isEqualTo(OpenAiBackendFactory.DEFAULT_BASE_URL);
    }
}
