package io.affectra.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code affectra.completion-cache.*}: the in-memory cache of backend replies that experiments use. */
@ConfigMapping(prefix = "affectra.completion-cache")
public interface CompletionCacheConfig {

    /** How many replies it keeps (0: none). */
    @WithDefault("20000")
    int maxEntries();
}
