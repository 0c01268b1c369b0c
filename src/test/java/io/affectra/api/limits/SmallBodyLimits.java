package io.affectra.api.limits;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Body limits of a few megabytes, so that a body far over them is quick to send. */
public class SmallBodyLimits implements QuarkusTestProfile {

    static final long CHAT_MAX = 1024 * 1024;
    static final long MEDIA_MAX = 2 * 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "affectra.chat.max-request-bytes", Long.toString(CHAT_MAX),
                "affectra.limits.max-media-bytes", Long.toString(MEDIA_MAX),
                "affectra.limits.max-av-bytes", Long.toString(MEDIA_MAX));
    }
}
