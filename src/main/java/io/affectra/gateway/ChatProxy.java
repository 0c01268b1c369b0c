package io.affectra.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;

/**
 * Forwards a chat completion to its backend with the Vert.x HTTP client, never blocking the event loop: retries with
 * backoff on 429/5xx and lost connections, falls back to the next backend, respects circuit breakers, and relays the
 * reply (a stream event by event, a plain reply in one piece) as it arrives. See {@link ProxyExchange}.
 */
@Singleton
public class ChatProxy {

    private final Vertx vertx;
    private final GatewayMetrics metrics;

    public ChatProxy(Vertx vertx, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /**
     * Must be called on the request's event loop.
     *
     * @return completes when the reply was relayed (or the client went away); fails only while nothing has been sent
     *         to the client, so that the caller can answer with an error: with an {@link UpstreamFailure}, or with
     *         what the call's {@link ReplyTranslator} could not translate
     */
    public Future<ProxyResult> forward(ProxyCall call, HttpServerResponse client) {
        return new ProxyExchange(vertx, metrics, call, client).start();
    }
}
