package io.affectra.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.Cue;
import io.affectra.media.Sha256;
import io.affectra.work.RedisConnection;
import io.affectra.work.WorkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Cues shared between replicas through Redis ({@code affectra.work.redis.url}), by the same {@link EvidenceKey} as in
 * process: the media's hash, the encoders' versions and the options that change cues, so that evidence that may differ
 * never shares an entry. Only cues (boxes, scores, labels) go there, never media, and they expire after
 * {@code affectra.work.redis.cue-ttl}. Redis that does not answer is a miss: the evidence is read here.
 */
@ApplicationScoped
public class SharedCueStore {

    private static final Logger LOG = Logger.getLogger(SharedCueStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<Cue>> CUES = new TypeReference<>() {
    };

    private final RedisConnection redis;
    private final String prefix;
    private final Duration ttl;

    @Inject
    public SharedCueStore(RedisConnection redis, WorkConfig config) {
        this(redis, config.rabbitmq().prefix(), config.redis().cueTtl());
    }

    public SharedCueStore(RedisConnection redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    public boolean enabled() {
        return redis.configured();
    }

    public Optional<List<Cue>> get(EvidenceKey key) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            byte[] stored = redis.client().get(name(key).getBytes(StandardCharsets.UTF_8));
            return stored == null ? Optional.empty() : Optional.of(JSON.readValue(stored, CUES));
        } catch (JedisException | IOException e) {
            LOG.debugf("shared cues: %s; reading the evidence here", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(EvidenceKey key, List<Cue> cues) {
        if (!enabled()) {
            return;
        }
        try {
            redis.client().set(name(key).getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(cues), SetParams.setParams().px(ttl.toMillis()));
        } catch (JedisException | JsonProcessingException e) {
            LOG.debugf("shared cues: %s; not shared", e.getMessage());
        }
    }

    /** The key's canonical JSON (encoders sorted) hashed: equal keys, equal names. */
    private String name(EvidenceKey key) {
        try {
            return prefix + ":cues:" + Sha256.of(JSON.writeValueAsString(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence key not serialisable", e);
        }
    }
}
