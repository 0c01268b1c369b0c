package io.affectra.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every response an {@code x-request-id} (the OpenAI SDKs expose it as {@code _request_id}), made here and never
 * taken from the client, so that an id in a bug report names exactly one request in the server log: errors are logged
 * with it.
 */
@Singleton
public class RequestIdFilter {

    public static final String HEADER = "x-request-id";

    static final int ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::assign);
    }

    void assign(RoutingContext rc) {
        rc.response().putHeader(HEADER, newId());
        rc.next();
    }

    /** The id of the request this response belongs to, or a fresh one when none was assigned. */
    public static String of(io.vertx.core.http.HttpServerResponse response) {
        String id = response.headers().get(HEADER);
        return id != null ? id : newId();
    }

    /**
     * A random (version 4) UUID. An id must be unique, not secret: {@link ThreadLocalRandom} makes one without the lock
     * and entropy pool that {@link UUID#randomUUID()}'s SecureRandom takes on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
