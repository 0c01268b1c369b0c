package io.affectra.gateway.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.affectra.config.AffectraConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What the encoders made of a media part, remembered by the SHA-256 of its bytes and the options it was encoded with
 * (see {@link io.affectra.gateway.ChatConfig.MediaCache}). The key includes de-identification, so a de-identified
 * request never reads cues computed for one that was not. Hits and misses are on {@code /q/metrics} as
 * {@code cache_gets_total{cache="chat-media"}}.
 */
@Singleton
public class EncodedMediaCache {

    private record Key(String sha256, MediaPart.Kind kind, MediaEncoder.EncodeOptions options) {
    }

    private final Cache<Key, EncodedMedia> cache;

    public EncodedMediaCache(AffectraConfig config, MeterRegistry registry) {
        var settings = config.chat().mediaCache();
        this.cache = settings.size() <= 0 ? null
                : Caffeine.newBuilder().maximumSize(settings.size()).expireAfterAccess(settings.ttl()).recordStats().build();
        if (cache != null) {
            CaffeineCacheMetrics.monitor(registry, cache, "chat-media");
        }
    }

    /** The cached encoding of these bytes with these options, or {@code encode}'s (remembered when it succeeds). */
    public EncodedMedia get(LoadedMedia media, MediaEncoder.EncodeOptions options, Supplier<EncodedMedia> encode) {
        if (cache == null) {
            return encode.get();
        }
        // Not Cache.get(key, loader): a slow clip must not hold a lock that other requests for other keys might share.
        Key key = new Key(sha256(media.bytes()), media.part().kind(), options);
        EncodedMedia cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        EncodedMedia encoded = encode.get();
        cache.put(key, encoded);
        return encoded;
    }

    /** Lookups answered from the cache since start (also on {@code /q/metrics}). */
    public long hits() {
        return cache == null ? 0 : cache.stats().hitCount();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
