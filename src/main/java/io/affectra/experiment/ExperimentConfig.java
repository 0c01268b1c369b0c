package io.affectra.experiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code affectra.experiments.*}: how large an experiment may be and how much a dry run shows. */
@ConfigMapping(prefix = "affectra.experiments")
public interface ExperimentConfig {

    /** The most trials (cases x cells x repeats) one experiment may have; a larger spec is refused. */
    @WithDefault("20000")
    int maxTrials();

    /** The most cells one experiment may have. */
    @WithDefault("256")
    int maxCells();

    /** How many cases a dry run renders every cell's prompts for. */
    @WithDefault("2")
    int dryRunCases();
}
