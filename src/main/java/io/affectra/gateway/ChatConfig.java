package io.affectra.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The OpenAI-compatible chat surface: {@code affectra.chat.*}. */
@ConfigMapping(prefix = "affectra.chat")
public interface ChatConfig {

    /** Whether every openai/ollama backend also gets a pass-through model id {@code <backend>/<model>}. */
    @WithDefault("true")
    boolean passThroughModels();

    /** Largest request body in bytes (413 above); base64 makes media a third larger than the file. */
    @WithDefault("33554432")
    long maxRequestBytes();

    /** Most media parts (images, audio, video) in one request (400 above): each one runs the encoders. */
    @WithDefault("8")
    int maxMediaParts();

    /**
     * {@code merge}: the cue context is appended to the conversation's leading system (or developer) message, or becomes
     * the first message when there is none (chat templates of many open models allow one system message only);
     * {@code separate}: always its own system message after the leading ones.
     */
    @WithDefault("merge")
    CuePlacement cuePlacement();

    RemoteMedia remoteMedia();

    MediaCache mediaCache();

    /** Where the cue context goes in the conversation. */
    enum CuePlacement {
        MERGE, SEPARATE
    }

    /** Media by URL ({@code image_url.url=https://...}): refused unless the URL starts with an allowed prefix (SSRF). */
    interface RemoteMedia {

        /** URL prefixes that may be fetched, e.g. {@code https://images.example.com/}; none by default. */
        Optional<List<String>> allow();

        /** Longest wait for a remote media file. */
        @WithDefault("10s")
        Duration timeout();
    }

    /**
     * Cues of media already encoded, by the SHA-256 of its bytes: chat clients send the whole conversation on every turn,
     * so without it the same photograph or clip is encoded again at each turn. Holds derived cues only (never the
     * media), in memory, for a bounded time.
     */
    interface MediaCache {

        /** Most media parts remembered; 0 turns the cache off. */
        @WithDefault("256")
        int size();

        /** How long a part is remembered after its last use. */
        @WithDefault("30m")
        Duration ttl();
    }
}
