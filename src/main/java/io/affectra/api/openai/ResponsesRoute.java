package io.affectra.api.openai;

import io.affectra.api.Caller;
import io.affectra.api.RequestIdFilter;
import io.affectra.gateway.ResponseStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Mounts {@code POST /v1/responses}, OpenAI's Responses API, on the chat pipeline: the body becomes a chat request
 * (same checks, media, cue context, modes, backends, limits) and the chat result goes back as a response, streamed
 * event by event. A Vert.x route like the chat route, for the same reasons (the raw response for the stream, no
 * dispatch for text); other methods on the path get OpenAI's 405. {@link ResponsesResource} serves stored responses.
 */
@Singleton
public class ResponsesRoute implements ChatSurface {

    private final ChatCompletionHandler handler;
    private final ResponseStore store;
    private final Vertx vertx;

    public ResponsesRoute(ChatCompletionHandler handler, ResponseStore store, Vertx vertx) {
        this.handler = handler;
        this.store = store;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.post(OpenAiPaths.RESPONSES).order(ChatCompletionsRoute.ORDER).handler(rc -> handler.handle(rc, this));
        router.route(OpenAiPaths.RESPONSES).order(ChatCompletionsRoute.ORDER + 1).handler(rc -> {
            rc.response().putHeader("allow", "POST");
            new OpenAiError(405, OpenAiError.INVALID_REQUEST, "method_not_allowed", null,
                    rc.request().method() + " is not allowed on " + OpenAiPaths.RESPONSES + "; use POST.", 0).send(rc.response());
        });
    }

    @Override
    public ChatTurn parse(byte[] body, RoutingContext rc) {
        return new ResponseTurn(ResponsesRequest.parse(body), store, vertx, Caller.of(rc), RequestIdFilter.of(rc.response()));
    }

    @Override
    public String noun() {
        return "Responses API request";
    }
}
