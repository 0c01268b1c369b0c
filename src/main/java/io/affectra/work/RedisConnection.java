package io.affectra.work;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/** The pooled Redis client of {@code affectra.work.redis.url}, made on first use; none without a URL. */
@ApplicationScoped
public class RedisConnection {

    private final Optional<String> url;
    private volatile RedisClient client;

    @Inject
    public RedisConnection(WorkConfig config) {
        this(config.redis().url());
    }

    public RedisConnection(Optional<String> url) {
        this.url = url;
    }

    public boolean configured() {
        return url.isPresent();
    }

    /** @throws IllegalStateException when no URL is configured */
    public RedisClient client() {
        RedisClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = RedisClient.create(URI.create(url.orElseThrow(() -> new IllegalStateException("affectra.work.redis.url is not set"))));
                }
                c = client;
            }
        }
        return c;
    }

    void stop(@Observes ShutdownEvent event) {
        RedisClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
