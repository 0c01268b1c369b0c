package io.affectra.config;

import io.affectra.media.LimitsConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The HTTP transport's body limits, derived from Affectra's own so that the two cannot disagree:
 * <ul>
 * <li>{@code quarkus.http.limits.max-body-size}: the largest media upload plus room for the other multipart parts.
 * An upload without a Content-Length (chunked) is counted against it as it arrives and refused there, so no more than
 * that is ever stored;</li>
 * <li>{@code quarkus.http.limits.max-form-attribute-size}: a text field such as {@code -F transcript=...} may be as long
 * as {@code affectra.limits.max-transcript-chars} allows (4 bytes per character in UTF-8), so the transcript check,
 * not the transport's 2 KiB default, decides.</li>
 * </ul>
 * Lowest priority: either property set anywhere else wins.
 */
public class HttpLimitDefaults implements ConfigSourceFactory {

    /** Room for multipart headers, the options part and a transcript sent as a file beside the media. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;

    static final String MAX_BODY = "quarkus.http.limits.max-body-size";
    static final String MAX_FORM_ATTRIBUTE = "quarkus.http.limits.max-form-attribute-size";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        long media = value(context, "affectra.limits.max-media-bytes", LimitsConfig.DEFAULT_MAX_MEDIA_BYTES);
        long av = value(context, "affectra.limits.max-av-bytes", LimitsConfig.DEFAULT_MAX_AV_BYTES);
        long chars = value(context, "affectra.limits.max-transcript-chars", LimitsConfig.DEFAULT_MAX_TRANSCRIPT_CHARS);
        return List.of(new MapBackedConfigSource("affectra-http-limit-defaults", Map.of(
                MAX_BODY, Long.toString(maxBody(media, av)),
                MAX_FORM_ATTRIBUTE, Long.toString(maxFormAttribute(chars))), 10) {
        });
    }

    public static long maxBody(long maxMediaBytes, long maxAvBytes) {
        return Math.max(maxMediaBytes, maxAvBytes) + MULTIPART_OVERHEAD;
    }

    static long maxFormAttribute(long maxTranscriptChars) {
        return maxTranscriptChars * 4 + 1024;
    }

    private static long value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return Long.parseLong(value == null || value.getValue() == null ? fallback : value.getValue().trim());
    }
}
