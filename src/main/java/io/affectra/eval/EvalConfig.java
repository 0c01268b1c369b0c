package io.affectra.eval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code affectra.eval.*}: the benchmark runner. */
@ConfigMapping(prefix = "affectra.eval")
public interface EvalConfig {

    /** Cases in flight per evaluation when the options name none (backends' own limits apply on top). */
    @WithDefault("2")
    int defaultConcurrency();

    /** The most cases in flight one evaluation may ask for. */
    @WithDefault("16")
    int maxConcurrency();

    /** Media named in datasets must lie inside this folder (relative paths resolve against the dataset's folder). */
    @WithDefault(".")
    String mediaRoot();

    /** Times a case is tried again after a backend failure (unavailable, timeout) before it is recorded as an error. */
    @WithDefault("2")
    int caseRetries();

    /** Wait before the first retry of a case; doubled for each further one. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** A run stops as failed after this many case errors in a row (a backend that is down); completed cases stay. */
    @WithDefault("10")
    int maxConsecutiveErrors();

    /** Resume runs left 'running' (a crash, a restart) when the server starts. */
    @WithDefault("true")
    boolean resumeOnStart();

    /** Bootstrap resamples for the confidence interval of a paired strategy difference. */
    @WithDefault("2000")
    int bootstrapSamples();

    /** Seed of the bootstrap: the same run gives the same interval. */
    @WithDefault("42")
    long bootstrapSeed();

    /** Largest dataset file accepted. */
    @WithDefault("20971520")
    long maxDatasetBytes();
}
