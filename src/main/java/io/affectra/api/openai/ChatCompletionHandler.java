package io.affectra.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.cue.CueSet;
import io.affectra.api.RequestIdFilter;
import io.affectra.gateway.ChatConfig;
import io.affectra.gateway.ChatMode;
import io.affectra.gateway.ChatProxy;
import io.affectra.gateway.ConversationRewriter;
import io.affectra.gateway.GatewayMetrics;
import io.affectra.gateway.ModelChoices;
import io.affectra.gateway.ModelRoute;
import io.affectra.gateway.ProxyCall;
import io.affectra.gateway.Upstream;
import io.affectra.gateway.UpstreamFailure;
import io.affectra.gateway.Upstreams;
import io.affectra.gateway.media.CueContext;
import io.affectra.gateway.media.MediaCues;
import io.affectra.gateway.media.MediaPart;
import io.affectra.gateway.media.MediaParts;
import io.affectra.gateway.media.UserWords;
import io.affectra.error.ReportedError;
import io.affectra.prompt.PromptRef;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/chat/completions}, start to end, and every other OpenAI route that runs on the chat pipeline (a
 * {@link ChatSurface}: {@code POST /v1/responses} becomes a chat request and gets its result back in its own format).
 * Runs on the event loop and hands blocking work to worker threads:
 * <ul>
 * <li>text only, {@code chat} mode: parse, resolve the model, rewrite {@code model}, forward: no worker hop at all;</li>
 * <li>media: the parts are checked on the event loop (count, URL policy), then read and encoded on a worker, then the
 * conversation (cue context added, media kept or replaced) is forwarded from the event loop;</li>
 * <li>{@code answer} mode (the local reasoner): encoders and strategy on a worker, the reply written on the event loop.</li>
 * </ul>
 * Bodies above {@link #INLINE_PARSE_BYTES} are parsed on a worker too (large base64 media).
 */
@Singleton
public class ChatCompletionHandler {

    /** Bodies up to this size are parsed on the event loop (tens of microseconds); larger ones on a worker. */
    static final int INLINE_PARSE_BYTES = 128 * 1024;

    private static final Logger LOG = Logger.getLogger(ChatCompletionHandler.class);
    private static final CueContext NO_MEDIA = new CueContext(CueSet.EMPTY, 0, null, 0, null, Map.of(), false, List.of(), List.of());

    private final Vertx vertx;
    private final ChatConfig chat;
    private final ModelChoices models;
    private final Upstreams upstreams;
    private final ChatProxy proxy;
    private final MediaCues mediaCues;
    private final AnswerCompletions answers;
    private final GatewayMetrics metrics;

    public ChatCompletionHandler(Vertx vertx, ChatConfig chat, ModelChoices models, Upstreams upstreams, ChatProxy proxy,
            MediaCues mediaCues, AnswerCompletions answers, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.chat = chat;
        this.models = models;
        this.upstreams = upstreams;
        this.proxy = proxy;
        this.mediaCues = mediaCues;
        this.answers = answers;
        this.metrics = metrics;
    }

    /** One request: everything until the reply is under way. */
    private final class Exchange {
        final RoutingContext rc;
        final ChatSurface surface;
        final long start = System.nanoTime();
        ChatTurn turn;
        ChatRequest chat;
        ModelRoute route;
        List<MediaPart> parts = List.of();

        Exchange(RoutingContext rc, ChatSurface surface) {
            this.rc = rc;
            this.surface = surface;
        }

        String model() {
            return route == null ? "unknown" : route.id();
        }

        String backend() {
            return route == null ? "" : route.backend();
        }

        boolean stream() {
            return chat != null && chat.stream();
        }
    }

    public void handle(RoutingContext rc) {
        handle(rc, CompletionTurn.SURFACE);
    }

    /** A request of the route that {@code surface} reads and writes. */
    void handle(RoutingContext rc, ChatSurface surface) {
        Exchange x = new Exchange(rc, surface);
        long max = chat.maxRequestBytes();
        String length = rc.request().getHeader("content-length");
        if (length != null && parseLong(length) > max) {
            rc.response().putHeader("connection", "close");
            fail(x, OpenAiError.tooLarge("The request declares " + length + " bytes; the limit is " + max
                    + " bytes (affectra.chat.max-request-bytes)."));
            return;
        }
        if (rc.body().available()) {
            received(x, rc.body().buffer());
            return;
        }
        readCounted(x, max, length == null ? 0 : parseLong(length));
    }

    /**
     * Reads the body as it arrives and stops at {@code max} bytes: a chunked body has no length to refuse it by, and
     * buffering it whole first would hold whatever a client sends. Past the limit the answer is a 413 and the
     * connection closes, so the rest is never read.
     */
    private void readCounted(Exchange x, long max, long declared) {
        HttpServerRequest request = x.rc.request();
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 1024), Math.min(max, INLINE_PARSE_BYTES)));
        boolean[] refused = {false};
        if (request.isEnded()) {
            fail(x, OpenAiError.invalid(null, "invalid_body", "The request body was already consumed."));
            return;
        }
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                refused[0] = true;
                request.pause();
                x.rc.response().putHeader("connection", "close").endHandler(v -> request.connection().close());
                fail(x, OpenAiError.tooLarge("The request has more than " + max + " bytes; the limit is " + max
                        + " bytes (affectra.chat.max-request-bytes)."));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !x.rc.response().ended()) {
                refused[0] = true;
                fail(x, OpenAiError.invalid(null, "invalid_body", "The request body could not be read: " + e.getMessage()));
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                received(x, body);
            }
        });
        // The router may have paused the request until a handler wants its body.
        request.resume();
    }

    private void received(Exchange x, Buffer body) {
        if (body == null || body.length() == 0) {
            fail(x, OpenAiError.invalid(null, "invalid_json", "The request body is empty; send a JSON " + x.surface.noun() + "."));
            return;
        }
        if (body.length() > chat.maxRequestBytes()) {
            fail(x, OpenAiError.tooLarge("The request has " + body.length() + " bytes; the limit is " + chat.maxRequestBytes()
                    + " bytes (affectra.chat.max-request-bytes)."));
            return;
        }
        if (body.length() <= INLINE_PARSE_BYTES) {
            try {
                x.turn = x.surface.parse(body.getBytes(), x.rc);
            } catch (RuntimeException e) {
                fail(x, e);
                return;
            }
            resolve(x);
            return;
        }
        vertx.executeBlocking(() -> x.surface.parse(body.getBytes(), x.rc), false).onComplete(ar -> {
            if (ar.failed()) {
                fail(x, ar.cause());
            } else {
                x.turn = ar.result();
                resolve(x);
            }
        });
    }

    /** A turn that refers to stored state (an earlier response) loads it on a worker first. */
    private void resolve(Exchange x) {
        if (!x.turn.resolves()) {
            x.chat = x.turn.chat();
            route(x);
            return;
        }
        onWorker(x, () -> {
            x.turn.resolve();
            return x.turn.chat();
        }, chat -> {
            x.chat = chat;
            route(x);
        });
    }

    private void route(Exchange x) {
        try {
            x.route = models.resolve(x.chat.model(), x.chat.variant(), x.chat.strategy())
                    .orElseThrow(() -> new OpenAiException(OpenAiError.unknownModel(x.chat.model())));
            x.parts = MediaParts.find(x.chat.messages());
            if (x.route.mode() == ChatMode.ANSWER) {
                answers.check(x.route, x.chat);
                onWorker(x, () -> {
                    CueContext context = x.parts.isEmpty() ? NO_MEDIA : encode(x, false);
                    AnswerReply reply = answers.answer(x.route, x.chat, context);
                    x.turn.answered(reply);
                    return new Answered(context, reply);
                }, answered -> writeAnswer(x, answered));
                return;
            }
            List<Upstream> chain = upstreams.chain(x.route.backend());
            if (x.parts.isEmpty()) {
                forward(x, chain, null);
                return;
            }
            boolean forwarded = mediaCues.mediaMayGo(x.route) && chain.get(0).multimodal();
            mediaCues.check(x.parts, x.route, forwarded);
            if (!x.route.cues()) {
                // Pass-through: no encoders, only placeholders where media cannot go; no worker needed.
                forward(x, chain, mediaCues.build(x.parts, x.route, forwarded));
                return;
            }
            onWorker(x, () -> encode(x, forwarded), context -> forward(x, chain, context));
        } catch (RuntimeException e) {
            fail(x, e);
        }
    }

    private CueContext encode(Exchange x, boolean forwarded) {
        long began = System.nanoTime();
        // The user's own latest words are evidence too, beside the media they sent.
        CueContext context = mediaCues.build(x.parts, x.route, forwarded, UserWords.latest(x.chat.messages()));
        metrics.encoding(x.model(), System.nanoTime() - began);
        return context;
    }

    private <T> void onWorker(Exchange x, Callable<T> work, Consumer<T> then) {
        vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                fail(x, ar.cause());
                return;
            }
            if (x.rc.response().closed()) {
                metrics.request(x.model(), x.backend(), x.stream(), !x.parts.isEmpty(), "cancelled", System.nanoTime() - x.start, 0);
                return;
            }
            try {
                then.accept(ar.result());
            } catch (RuntimeException e) {
                fail(x, e);
            }
        });
    }

    private void forward(Exchange x, List<Upstream> chain, CueContext context) {
        ObjectNode root = x.chat.root();
        ArrayNode original = x.chat.messages();
        boolean clientTemperature = x.chat.hasTemperature();
        ArrayNode[] variants = new ArrayNode[2];
        Upstream primary = chain.get(0);
        Function<Upstream, Buffer> body = upstream -> {
            String model = upstream == primary ? x.route.upstreamModel() : upstream.model();
            if (context == null && (clientTemperature || upstream.temperature().isEmpty())) {
                // Only the model changes: splice it into the client's bytes.
                byte[] spliced = x.chat.withModel(model);
                if (spliced != null) {
                    return Buffer.buffer(spliced);
                }
            }
            if (context != null) {
                boolean keep = context.mediaMayGo() && upstream.multimodal();
                int i = keep ? 1 : 0;
                if (variants[i] == null) {
                    variants[i] = ConversationRewriter.rewrite(original, x.parts, context, keep, chat.cuePlacement());
                }
                root.set("messages", variants[i]);
            }
            root.put("model", model);
            if (!clientTemperature) {
                if (upstream.temperature().isPresent()) {
                    root.put("temperature", upstream.temperature().getAsDouble());
                } else {
                    root.remove("temperature");
                }
            }
            try {
                return Buffer.buffer(ChatRequest.JSON.writeValueAsBytes(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the request", e);
            }
        };
        HttpServerResponse response = x.rc.response();
        if (context != null) {
            cueHeaders(response, context);
        }
        ProxyCall call = new ProxyCall(x.model(), chain, body, x.stream(), !x.parts.isEmpty(), context == null ? 0 : context.tokens(),
                x.start, x.turn.reply());
        proxy.forward(call, response).onComplete(ar -> {
            if (ar.succeeded()) {
                metrics.request(x.model(), ar.result().backend(), x.stream(), !x.parts.isEmpty(), ar.result().outcome(),
                        System.nanoTime() - x.start, ar.result().backendNanos());
            } else {
                fail(x, ar.cause());
            }
        });
    }

    /** An answer-mode reply with the cue context it was answered over (for the response headers). */
    private record Answered(CueContext context, AnswerReply reply) {
    }

    /** What the media gave, on chat and answer replies alike. */
    private static void cueHeaders(HttpServerResponse response, CueContext context) {
        response.putHeader("x-affectra-cues", Integer.toString(context.cues().size()));
        if (!context.warnings().isEmpty()) {
            response.putHeader("x-affectra-warnings", ascii(String.join("; ", context.warnings())));
        }
        templateHeaders(response, context.prompt());
    }

    /** Which template the reply rests on (the cue context's, or the answer's), for clients comparing prompt variants. */
    private static void templateHeaders(HttpServerResponse response, PromptRef template) {
        if (template != null) {
            response.putHeader("x-affectra-template", template.id() + "@" + template.version())
                    .putHeader("x-affectra-template-sha256", template.hash());
        }
    }

    private void writeAnswer(Exchange x, Answered answered) {
        AnswerReply reply = answered.reply();
        HttpServerResponse response = x.rc.response();
        cueHeaders(response, answered.context());
        templateHeaders(response, reply.template());
        response.putHeader("x-affectra-backend", reply.backend()).putHeader("x-affectra-model", x.model());
        int n = x.chat.n();
        x.turn.writeAnswer(response, x.model(), reply);
        metrics.tokens(x.model(), reply.backend(), reply.promptTokens(), reply.completionTokens() * n, reply.cueTokens());
        metrics.timeToFirstToken(x.model(), reply.backend(), System.nanoTime() - x.start);
        metrics.request(x.model(), reply.backend(), x.stream(), !x.parts.isEmpty(), "ok", System.nanoTime() - x.start, reply.backendNanos());
    }

    private void fail(Exchange x, Throwable failure) {
        fail(x, error(failure, RequestIdFilter.of(x.rc.response()), x.rc.request().path()));
    }

    private void fail(Exchange x, OpenAiError failure) {
        OpenAiError error = x.turn == null ? failure : x.turn.error(failure);
        metrics.request(x.model(), x.backend(), x.stream(), !x.parts.isEmpty(), error.code() == null ? "error" : error.code(),
                System.nanoTime() - x.start, 0);
        error.send(x.rc.response());
    }

    /** Every failure as an OpenAI error; unexpected ones are logged with an id the client gets, never a stack trace. */
    static OpenAiError error(Throwable failure, String requestId, String path) {
        if (failure instanceof OpenAiException e) {
            return e.error();
        }
        if (failure instanceof UpstreamFailure e) {
            return UpstreamErrors.of(e);
        }
        if (failure instanceof ReportedError e) {
            return OpenAiError.of(e);
        }
        // The error id is the request's x-request-id: the one id a client reports and the log holds.
        LOG.errorf(failure, "internal error %s on %s", requestId, path);
        return OpenAiError.internal(requestId);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Header values must be ASCII without line breaks. */
    private static String ascii(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() <= 1000 ? clean : clean.substring(0, 1000);
    }
}
