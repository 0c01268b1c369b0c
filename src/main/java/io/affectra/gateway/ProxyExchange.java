package io.affectra.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The state of one forwarded chat completion. Every callback runs on the event loop of the client's request, so the
 * fields need no locks.
 *
 * <pre>
 * for each backend in the chain (primary, then its fallbacks):
 *   circuit open?                    -> next backend
 *   send; 2xx                        -> relay to the client (from here on no retry, no fallback)
 *         400/413/422                -> the client's request is wrong: fail with the backend's error
 *         connect error, 429, 5xx    -> retry after backoff (Retry-After honoured) while retries are left, then next
 *         timeout, 401/403/404, ...  -> next backend
 * none left                          -> fail with the last failure
 * </pre>
 * A client that goes away resets the backend request (for HTTP/1.1 that closes the connection, which is how vLLM,
 * Ollama and OpenAI learn to stop generating) and cancels a pending retry.
 */
final class ProxyExchange {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);
    private static final int MAX_ERROR_BODY = 4096;

    private final Vertx vertx;
    private final GatewayMetrics metrics;
    private final ProxyCall call;
    private final HttpServerResponse client;
    private final Promise<ProxyResult> result = Promise.promise();

    private int index = -1;
    private Upstream upstream;
    private int retries;
    private UpstreamFailure last;
    private HttpClientRequest inFlight;
    private boolean attemptOpen;
    private long timer = -1;
    private boolean cancelled;
    private long firstSend;

    ProxyExchange(Vertx vertx, GatewayMetrics metrics, ProxyCall call, HttpServerResponse client) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.call = call;
        this.client = client;
    }

    Future<ProxyResult> start() {
        client.closeHandler(ignored -> cancel());
        nextBackend();
        return result.future();
    }

    private void nextBackend() {
        while (++index < call.chain().size()) {
            Upstream candidate = call.chain().get(index);
            if (candidate.breaker().tryAcquire()) {
                upstream = candidate;
                retries = 0;
                send();
                return;
            }
            metrics.attempt(candidate.name(), "circuit_open");
            last = UpstreamFailure.circuitOpen(candidate.name());
        }
        result.tryFail(last != null ? last : UpstreamFailure.circuitOpen(call.chain().isEmpty() ? "?" : call.chain().get(0).name()));
    }

    private void send() {
        if (cancelled) {
            return;
        }
        Upstream target = upstream;
        Buffer body = call.body().apply(target);
        if (firstSend == 0) {
            firstSend = System.nanoTime();
        }
        attemptOpen = true;
        target.client().request(target.requestOptions())
                .compose(request -> {
                    inFlight = request;
                    if (cancelled) {
                        request.reset();
                        return Future.failedFuture(new IllegalStateException("cancelled"));
                    }
                    return request.send(body);
                })
                .onComplete(ar -> {
                    if (cancelled) {
                        if (ar.succeeded()) {
                            ar.result().request().reset();
                        }
                        return;
                    }
                    if (ar.succeeded()) {
                        onResponse(target, ar.result());
                    } else {
                        onFailure(target, ar.cause() instanceof TimeoutException
                                ? UpstreamFailure.timeout(target.name(), target.timeoutMillis())
                                : UpstreamFailure.connect(target.name(), ar.cause()));
                    }
                });
    }

    private void onResponse(Upstream target, HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            metrics.attempt(target.name(), "ok");
            relay(target, response);
            return;
        }
        long retryAfter = retryAfterMillis(response.getHeader("retry-after"));
        response.body().onComplete(ar -> {
            if (cancelled) {
                return;
            }
            String text = ar.succeeded() ? truncate(ar.result().toString()) : null;
            onFailure(target, UpstreamFailure.status(target.name(), status, text, retryAfter));
        });
    }

    private void onFailure(Upstream target, UpstreamFailure failure) {
        attemptOpen = false;
        inFlight = null;
        if (failure.breakerFailure()) {
            target.breaker().onFailure();
        } else {
            target.breaker().release();
        }
        metrics.attempt(target.name(), outcome(failure));
        LOG.debugf("%s", failure.getMessage());
        if (failure.clientError()) {
            result.tryFail(failure);
            return;
        }
        last = failure;
        if (failure.retryable()) {
            long delay = target.retry().delayMillis(retries + 1, failure.retryAfterMillis(), () -> ThreadLocalRandom.current().nextDouble());
            if (delay >= 0 && target.breaker().tryAcquire()) {
                retries++;
                metrics.attempt(target.name(), "retried");
                timer = vertx.setTimer(Math.max(1, delay), id -> {
                    timer = -1;
                    send();
                });
                return;
            }
        }
        nextBackend();
    }

    private void relay(Upstream target, HttpClientResponse response) {
        String type = response.getHeader("content-type");
        client.putHeader("x-affectra-backend", target.name()).putHeader("x-affectra-model", call.model());
        if (type != null && type.startsWith("text/event-stream")) {
            relayStream(target, response);
        } else {
            relayBody(target, response, type);
        }
    }

    private void relayStream(Upstream target, HttpClientResponse response) {
        client.setStatusCode(200).setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache")
                .putHeader("x-accel-buffering", "no");
        SseRelay relay = new SseRelay(call.cueTokens(), new SseRelay.Listener() {
            @Override
            public void firstToken() {
                metrics.timeToFirstToken(call.model(), target.name(), System.nanoTime() - call.startNanos());
            }

            @Override
            public void usage(UsageRewriter.Usage usage) {
                metrics.tokens(call.model(), target.name(), usage.promptTokens(), usage.completionTokens(), call.cueTokens());
            }
        });
        ReplyTranslator reply = call.reply();
        response.handler(chunk -> {
            if (cancelled) {
                return;
            }
            Buffer out = reply.events(relay.feed(chunk));
            if (out.length() > 0) {
                client.write(out);
                if (client.writeQueueFull()) {
                    // A slow client slows the backend down instead of filling our memory.
                    response.pause();
                    client.drainHandler(ignored -> response.resume());
                }
            }
        });
        response.exceptionHandler(error -> {
            if (cancelled || client.ended()) {
                return;
            }
            UpstreamFailure failure = error instanceof TimeoutException
                    ? UpstreamFailure.timeout(target.name(), target.timeoutMillis())
                    : UpstreamFailure.broken(target.name(), error);
            target.breaker().onFailure();
            LOG.warnf("%s", failure.getMessage());
            client.end(reply.broken(relay.finish(), failure));
            finish(target, "stream_broken");
        });
        response.endHandler(ignored -> {
            if (cancelled) {
                return;
            }
            target.breaker().onSuccess();
            reply.end(relay.finish()).onComplete(ar -> {
                if (!cancelled && !client.closed()) {
                    client.end(ar.succeeded() ? ar.result() : Buffer.buffer());
                }
                finish(target, "ok");
            });
        });
        Buffer start = reply.start();
        if (start.length() > 0) {
            client.write(start);
            return;
        }
        // The head goes out with the first events, which mostly come in the same read as the backend's head: one write
        // to the client instead of two. When they did not, it goes out once this turn of the event loop is over, so a
        // client of a backend slow to its first token still learns at once that its stream began.
        vertx.runOnContext(ignored -> {
            if (!cancelled && !client.headWritten() && !client.closed()) {
                client.writeHead();
            }
        });
    }

    private void relayBody(Upstream target, HttpClientResponse response, String type) {
        response.body().onComplete(ar -> {
            if (cancelled) {
                return;
            }
            if (ar.failed()) {
                // Nothing went out yet: answer with an error rather than half a reply.
                target.breaker().onFailure();
                UpstreamFailure failure = ar.cause() instanceof TimeoutException
                        ? UpstreamFailure.timeout(target.name(), target.timeoutMillis())
                        : UpstreamFailure.broken(target.name(), ar.cause());
                metrics.attempt(target.name(), outcome(failure));
                result.tryFail(failure);
                return;
            }
            target.breaker().onSuccess();
            Buffer body = ar.result();
            byte[] bytes = body.getBytes();
            UsageRewriter.Result rewritten = UsageRewriter.rewrite(bytes, 0, bytes.length, call.cueTokens());
            if (rewritten.usage() != null) {
                metrics.tokens(call.model(), target.name(), rewritten.usage().promptTokens(), rewritten.usage().completionTokens(),
                        call.cueTokens());
            }
            Buffer completion = rewritten.json() == null ? body : Buffer.buffer(rewritten.json());
            call.reply().body(completion).onComplete(translated -> {
                if (cancelled || client.closed()) {
                    return;
                }
                if (translated.failed()) {
                    // Nothing went out yet: the caller answers with an error.
                    attemptOpen = false;
                    inFlight = null;
                    result.tryFail(translated.cause());
                    return;
                }
                client.setStatusCode(200).putHeader("content-type", call.reply().bodyType(type)).end(translated.result());
                finish(target, "ok");
            });
        });
    }

    private void finish(Upstream target, String outcome) {
        attemptOpen = false;
        inFlight = null;
        result.tryComplete(new ProxyResult(target.name(), System.nanoTime() - firstSend, outcome));
    }

    private void cancel() {
        if (cancelled || client.ended()) {
            return;
        }
        cancelled = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (inFlight != null) {
            inFlight.reset();
        }
        if (attemptOpen && upstream != null) {
            upstream.breaker().release();
        }
        result.tryComplete(new ProxyResult(upstream == null ? "" : upstream.name(), firstSend == 0 ? 0 : System.nanoTime() - firstSend,
                "cancelled"));
    }

    private static String outcome(UpstreamFailure failure) {
        return switch (failure.kind()) {
            case CONNECT -> "connect_error";
            case TIMEOUT -> "timeout";
            case CIRCUIT_OPEN -> "circuit_open";
            case BROKEN -> "broken";
            case STATUS -> "http_" + failure.status();
        };
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare from LLM servers and is ignored). */
    static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds <= 0 ? 0 : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY);
    }
}
