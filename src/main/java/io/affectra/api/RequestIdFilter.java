package io.affectra.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;

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

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
