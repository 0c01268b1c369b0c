package io.affectra.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The backends, read by {@link BackendRegistry} only: {@code affectra.default-backend} and
 * {@code affectra.backends.<name>.*}. The prefix is {@code affectra} because the default sits beside the map.
 */
@ConfigMapping(prefix = "affectra")
public interface BackendsConfig {

    /** The backend used when a request names none. */
    @WithDefault("local")
    String defaultBackend();

    /** Named backends: {@code affectra.backends.<name>.kind=local|openai|ollama} and their settings. */
    Map<String, BackendConfig> backends();
}
