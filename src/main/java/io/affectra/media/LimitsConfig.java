package io.affectra.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Upload and media limits: {@code affectra.limits.*}. */
@ConfigMapping(prefix = "affectra.limits")
public interface LimitsConfig {

    /** Defaults that the HTTP transport's limits are derived from too (config.HttpLimitDefaults). */
    String DEFAULT_MAX_MEDIA_BYTES = "20971520";
    String DEFAULT_MAX_AV_BYTES = "536870912";
    String DEFAULT_MAX_TRANSCRIPT_CHARS = "200000";

    /** Largest accepted upload, in bytes (413 above). */
    @WithDefault(DEFAULT_MAX_MEDIA_BYTES)
    long maxMediaBytes();

    /** Largest accepted image, in pixels, read from the header before decoding (decompression bombs). */
    @WithDefault("50000000")
    long maxImagePixels();

    /** Largest accepted video or audio upload, in bytes (413 above). */
    @WithDefault(DEFAULT_MAX_AV_BYTES)
    long maxAvBytes();

    /** Longest accepted video or audio, read from the container header before decoding (413 above). */
    @WithDefault("2h")
    java.time.Duration maxDuration();

    /** Largest accepted video frame, in pixels, read from the header (413 above). */
    @WithDefault("8294400")
    long maxVideoPixels();

    /** Largest accepted transcript, in characters. */
    @WithDefault(DEFAULT_MAX_TRANSCRIPT_CHARS)
    int maxTranscriptChars();
}
