package io.affectra.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link SharedLimits} in Redis ({@code affectra.work.redis.url}; off without it). Permits are members of a sorted set
 * scored by when their lease ends, so the permits of a replica that died come back after
 * {@code affectra.work.redis.permit-lease}; start slots are one counter per key. Both are taken by a Lua script with
 * Redis's own clock, atomically, so replicas whose clocks disagree still share one schedule.
 */
@ApplicationScoped
public class RedisLimits implements SharedLimits {

    /** KEYS[1] the permits; ARGV max, lease in ms, token. 1 when taken. */
    private static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """;

    /** KEYS[1] the next free start (microseconds, Redis clock); ARGV interval in microseconds. The wait in microseconds. */
    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local free = tonumber(redis.call('GET', KEYS[1]) or '0')
            local start = math.max(now, free)
            redis.call('SET', KEYS[1], string.format('%.0f', start + tonumber(ARGV[1])), 'PX', 60000 + math.ceil(tonumber(ARGV[1]) / 1000))
            return start - now
            """;

    private final RedisConnection redis;
    private final String prefix;
    private final Duration permitLease;

    @Inject
    public RedisLimits(WorkConfig config, RedisConnection redis) {
        this(redis, config.rabbitmq().prefix(), config.redis().permitLease());
    }

    /** @param prefix what every key starts with */
    public RedisLimits(RedisConnection redis, String prefix, Duration permitLease) {
        this.redis = redis;
        this.prefix = prefix;
        this.permitLease = permitLease;
    }

    @Override
    public boolean enabled() {
        return redis.configured();
    }

    private String key(String key) {
        return prefix + ":limits:" + key;
    }

    @Override
    public String tryAcquire(String key, int max) {
        String token = UUID.randomUUID().toString();
        try {
            Object taken = redis.client().eval(ACQUIRE, List.of(key(key) + ":permits"),
                    List.of(Integer.toString(max), Long.toString(permitLease.toMillis()), token));
            return Long.valueOf(1).equals(taken) ? token : null;
        } catch (JedisException e) {
            throw new SharedLimitsUnavailableException("Redis did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String key, String token) {
        try {
            redis.client().zrem(key(key) + ":permits", token);
        } catch (JedisException e) {
            // The lease returns it.
        }
    }

    @Override
    public long reserveStart(String key, long intervalNanos) {
        try {
            Object wait = redis.client().eval(RESERVE, List.of(key(key) + ":next-start"), List.of(Long.toString(Math.max(1, intervalNanos / 1000))));
            return ((Number) wait).longValue() * 1000;
        } catch (JedisException e) {
            throw new SharedLimitsUnavailableException("Redis did not answer: " + e.getMessage(), e);
        }
    }
}
