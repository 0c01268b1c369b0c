package io.affectra.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code affectra.data-dir}: the one folder Affectra writes to (spool, model and knowledge caches, embedded database). */
@ConfigMapping(prefix = "affectra")
public interface DataConfig {

    /** Where the embedded database and the extracted model cache live. */
    @WithDefault("./data")
    String dataDir();
}
