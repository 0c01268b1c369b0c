package io.affectra.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Asynchronous jobs: {@code affectra.jobs.*}. */
@ConfigMapping(prefix = "affectra.jobs")
public interface JobsConfig {

    /** Jobs analysed at the same time; each already uses every encoder pool. */
    @WithDefault("1")
    int concurrency();

    /** Jobs waiting to run before new ones are refused (503). */
    @WithDefault("32")
    int maxQueued();
}
