package io.affectra.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What may leave the server: {@code affectra.privacy.*}. */
@ConfigMapping(prefix = "affectra.privacy")
public interface PrivacyConfig {

    /** Forces de-identified mode on every request: no face-derived cue leaves the server. */
    @WithDefault("false")
    boolean forceDeidentify();

    /**
     * Whether media in a chat message may reach a backend that reads it ({@code affectra.backends.<name>.multimodal}).
     * Off: backends only ever see the encoders' cues. De-identified requests never forward media.
     */
    @WithDefault("true")
    boolean forwardMedia();
}
