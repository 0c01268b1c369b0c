package io.affectra.llm;

import io.affectra.llm.local.LocalBackendFactory;
import java.util.List;
import java.util.Map;

/** The built-in backend factories without CDI, for tests that build a registry from plain settings. */
public final class TestBackends {

    private TestBackends() {
    }

    public static List<BackendFactory> factories() {
        return List.of(new LocalBackendFactory(), new OpenAiBackendFactory(), new OllamaBackendFactory());
    }

    public static BackendRegistry registry(Map<String, ? extends BackendConfig> configs, String defaultName) {
        return new BackendRegistry(configs, defaultName, factories());
    }
}
