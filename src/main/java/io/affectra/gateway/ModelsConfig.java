package io.affectra.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * Model ids of the OpenAI-compatible surface: {@code affectra.models."<id>".backend=...} and how it treats media.
 * Pass-through ids ({@code <backend>/<model>}) exist on top of these without configuration.
 */
@ConfigMapping(prefix = "affectra.models")
public interface ModelsConfig {

    /** The configured model ids, each with its settings. */
    @WithParentName
    Map<String, ModelConfig> byId();
}
