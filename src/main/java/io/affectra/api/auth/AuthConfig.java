package io.affectra.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.OptionalInt;

/** API keys: {@code affectra.auth.*}. Off by default (local use); when on, every {@code /v1} route needs a key. */
@ConfigMapping(prefix = "affectra.auth")
public interface AuthConfig {

    @WithDefault("false")
    boolean enabled();

    /** Named keys: {@code affectra.auth.keys."<name>".key=...}; the name (never the key) appears in logs and metrics. */
    Map<String, Key> keys();

    interface Key {

        /** The secret a client sends as {@code Authorization: Bearer <key>}. */
        String key();

        /** Requests of this key in flight at once (429 above); unlimited when absent. */
        OptionalInt maxConcurrent();

        /** Sustained requests per minute, as a token bucket holding one minute's worth (429 above); unlimited when absent. */
        OptionalInt requestsPerMinute();
    }
}
