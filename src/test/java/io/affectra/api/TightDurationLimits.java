package io.affectra.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Duration limits of a few seconds, so that clips longer than their headers say can be short. */
public class TightDurationLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "affectra.video.sync-max-duration", "3s",
                "affectra.limits.max-duration", "4s");
    }
}
