package io.affectra.gateway.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.affectra.evidence.EvidenceKey;
import io.affectra.gateway.ChatConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * What the encoders made of a media part, remembered by its {@link EvidenceKey} (see
 * {@link io.affectra.gateway.ChatConfig.MediaCache}): the media's SHA-256, the encoders' versions and every option
 * that changes cues, de-identification included, so a de-identified request never reads cues computed for one that
 * was not, and a changed model is never answered from the old one's cues. Hits and misses are on {@code /q/metrics}
 * as {@code cache_gets_total{cache="chat-media"}}.
 */
@Singleton
public class EncodedMediaCache {

    private final Cache<EvidenceKey, EncodedMedia> cache;

    public EncodedMediaCache(ChatConfig chat, MeterRegistry registry) {
        ChatConfig.MediaCache settings = chat.mediaCache();
        this.cache = settings.size() <= 0 ? null
                : Caffeine.newBuilder().maximumSize(settings.size()).expireAfterAccess(settings.ttl()).recordStats().build();
        if (cache != null) {
            CaffeineCacheMetrics.monitor(registry, cache, "chat-media");
        }
    }

    /**
     * The cached encoding under this key, or {@code encode}'s (remembered when it succeeds, and is not provisional: a
     * clip whose transcription failed is heard again on the next turn).
     */
    public EncodedMedia get(EvidenceKey key, Supplier<EncodedMedia> encode) {
        if (cache == null) {
            return encode.get();
        }
        // Not Cache.get(key, loader): a slow clip must not hold a lock that other requests for other keys might share.
        EncodedMedia cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        EncodedMedia encoded = encode.get();
        if (encoded.provisional()) {
            return encoded;
        }
        // Kept under the key of the evidence it was made from: a lookup key that disagreed would miss, never mislead.
        cache.put(encoded.key(), encoded);
        return encoded;
    }

    /** Lookups answered from the cache since start (also on {@code /q/metrics}). */
    public long hits() {
        return cache == null ? 0 : cache.stats().hitCount();
    }
}
