package io.affectra.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Video and audio analysis: {@code affectra.video.*}. */
@ConfigMapping(prefix = "affectra.video")
public interface VideoConfig {

    /** Frames sampled per second. */
    @WithDefault("5")
    double fps();

    /** Length of an analysis window: each window gets its own answer on the time line. */
    @WithDefault("30s")
    Duration window();

    /** Longest media analysed synchronously on POST /v1/emotion/analyze; longer media goes through jobs. */
    @WithDefault("10m")
    Duration syncMaxDuration();
}
