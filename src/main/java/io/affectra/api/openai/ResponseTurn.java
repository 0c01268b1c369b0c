package io.affectra.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.gateway.ReplyTranslator;
import io.affectra.gateway.ResponseStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One {@code POST /v1/responses}: the chat request it stands for ({@code instructions} as the system message, the
 * stored conversation of {@code previous_response_id}, then {@code input}) and its result rendered as a response,
 * stored unless {@code store: false}. Errors that the chat checks find name the Responses field
 * ({@code input[2].content[1]}, {@code text.format}, {@code max_output_tokens}).
 */
final class ResponseTurn implements ChatTurn {

    private static final Logger LOG = Logger.getLogger(ResponseTurn.class);
    private static final SecureRandom IDS = new SecureRandom();
    private static final Pattern MESSAGE_PARAM = Pattern.compile("messages\\[(\\d+)](.*)");

    private final ResponsesRequest request;
    private final ResponseStore store;
    private final Vertx vertx;
    private final String keyName;
    private final String requestId;
    private final String id = newResponseId();
    private final long createdAt = System.currentTimeMillis() / 1000;
    private ArrayNode history = ChatRequest.JSON.createArrayNode();
    private ResponseItems.Conversation conversation;
    private ChatRequest chat;
    private ResponseAssembly answer;
    private ObjectNode answered;

    /**
     * @param keyName   the caller's API key name (null with auth off): the response is stored under it
     * @param requestId the request's id, which an internal error names
     */
    ResponseTurn(ResponsesRequest request, ResponseStore store, Vertx vertx, String keyName, String requestId) {
        this.request = request;
        this.store = store;
        this.vertx = vertx;
        this.keyName = keyName;
        this.requestId = requestId;
        if (!resolves()) {
            build();
        }
    }

    /** {@code resp_} and 48 hex digits from a secure source: the id is all a caller needs to read a stored conversation. */
    static String newResponseId() {
        byte[] random = new byte[24];
        IDS.nextBytes(random);
        return "resp_" + HexFormat.of().formatHex(random);
    }

    @Override
    public ChatRequest chat() {
        return chat;
    }

    @Override
    public boolean resolves() {
        return request.previousResponseId() != null;
    }

    @Override
    public void resolve() {
        String previous = request.previousResponseId();
        ResponseStore.Stored stored = store.find(previous, keyName)
                .orElseThrow(() -> new OpenAiException(notFound(previous, "previous_response_id")));
        history = (ArrayNode) read(stored.conversationJson());
        read(stored.responseJson()).path("output").forEach(history::add);
        build();
    }

    private void build() {
        conversation = new ResponseItems.Conversation();
        if (request.instructions() != null) {
            conversation.system(request.instructions(), "instructions");
        }
        ResponseItems.append(conversation, history, "previous_response_id", false);
        ResponseItems.append(conversation, request.input(), "input", request.root().path("input").isArray());
        try {
            chat = ChatRequest.of(request.chat(conversation.messages()));
        } catch (OpenAiException e) {
            throw new OpenAiException(error(e.error()));
        }
    }

    @Override
    public ReplyTranslator reply() {
        return new ResponseReply(new ResponseAssembly(head(), request.stream()), request.stream(), this::finished, this::storeFailed);
    }

    /** Stores the finished response (on a worker) unless the client asked not to. */
    private Future<Void> finished(ObjectNode response) {
        if (!request.store()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            save(response);
            return null;
        }, false);
    }

    private OpenAiError storeFailed(Throwable e) {
        LOG.errorf(e, "internal error %s on %s", requestId, OpenAiPaths.RESPONSES);
        return OpenAiError.internal(requestId);
    }

    private void save(ObjectNode response) {
        ArrayNode conversationKept = history.deepCopy().addAll(ResponseItems.kept(request.input()));
        store.save(new ResponseStore.Stored(id, Instant.ofEpochSecond(createdAt), keyName, request.model(), request.previousResponseId(),
                response.path("status").asText(), ResponseAssembly.json(conversationKept), ResponseAssembly.json(response)));
    }

    @Override
    public void answered(AnswerReply reply) {
        ObjectNode head = head();
        ObjectNode affectra = head.putObject("affectra").put("strategy", reply.strategy());
        if (reply.template() != null) {
            affectra.put("template", reply.template().id() + "@" + reply.template().version()).put("template_sha256", reply.template().hash());
        }
        answer = new ResponseAssembly(head, request.stream());
        answer.created();
        if (request.stream()) {
            CompletionWriter.pieces(reply.content()).forEach(answer::text);
        } else {
            answer.text(reply.content());
        }
        answer.finish(reply.finishReason());
        answer.usage(reply.promptTokens(), reply.completionTokens(), reply.cueTokens());
        answered = answer.complete();
        if (request.store()) {
            save(answered);
        }
        answer.completed(answered);
    }

    @Override
    public void writeAnswer(HttpServerResponse response, String model, AnswerReply reply) {
        if (request.stream()) {
            response.setStatusCode(200).setChunked(true)
                    .putHeader("content-type", "text/event-stream; charset=utf-8")
                    .putHeader("cache-control", "no-cache")
                    .end(answer.drain());
        } else {
            response.setStatusCode(200).putHeader("content-type", "application/json").end(ResponseAssembly.json(answered));
        }
    }

    /** The response object's fields that the result does not change, in OpenAI's order, as the request set them. */
    private ObjectNode head() {
        ObjectNode r = request.root();
        ObjectNode head = ChatRequest.JSON.createObjectNode();
        head.put("id", id).put("object", "response").put("created_at", createdAt).putNull("status").put("background", false)
                .putNull("error").putNull("incomplete_details");
        head.set("instructions", echo(r, "instructions"));
        head.set("max_output_tokens", echo(r, "max_output_tokens"));
        head.set("max_tool_calls", echo(r, "max_tool_calls"));
        head.put("model", request.model());
        head.putArray("output");
        head.put("parallel_tool_calls", r.path("parallel_tool_calls").asBoolean(true));
        head.set("previous_response_id", echo(r, "previous_response_id"));
        if (r.path("reasoning").isObject()) {
            head.set("reasoning", r.get("reasoning"));
        } else {
            head.putObject("reasoning").putNull("effort").putNull("summary");
        }
        head.put("service_tier", "default").put("store", request.store());
        head.set("temperature", echo(r, "temperature"));
        JsonNode format = r.path("text").path("format");
        if (format.isObject()) {
            head.putObject("text").set("format", format);
        } else {
            head.putObject("text").putObject("format").put("type", "text");
        }
        head.set("tool_choice", r.hasNonNull("tool_choice") ? r.get("tool_choice") : ChatRequest.JSON.getNodeFactory().textNode("auto"));
        head.set("tools", r.path("tools").isArray() ? r.get("tools") : ChatRequest.JSON.createArrayNode());
        head.set("top_p", echo(r, "top_p"));
        head.put("truncation", r.path("truncation").asText("disabled"));
        head.putNull("usage");
        head.set("user", echo(r, "user"));
        head.set("metadata", r.path("metadata").isObject() ? r.get("metadata") : ChatRequest.JSON.createObjectNode());
        return head;
    }

    private static JsonNode echo(ObjectNode root, String field) {
        JsonNode value = root.get(field);
        return value == null ? ChatRequest.JSON.getNodeFactory().nullNode() : value;
    }

    /** A chat parameter as the Responses request names it; the message says the same. */
    @Override
    public OpenAiError error(OpenAiError error) {
        String param = error.param();
        if (param == null) {
            return error;
        }
        String named = param(param);
        if (named.equals(param)) {
            return error;
        }
        return new OpenAiError(error.status(), error.type(), error.code(), named, error.message().replace(param, named),
                error.retryAfterSeconds());
    }

    private String param(String param) {
        Matcher m = MESSAGE_PARAM.matcher(param);
        if (m.matches() && conversation != null) {
            return conversation.origin(Integer.parseInt(m.group(1))) + m.group(2);
        }
        if (param.equals("messages")) {
            return "input";
        }
        if (param.startsWith("response_format")) {
            return "text.format";
        }
        if (param.equals("max_completion_tokens")) {
            return "max_output_tokens";
        }
        if (param.startsWith("tools[") && param.contains("].function")) {
            return param.substring(0, param.indexOf(']') + 1);
        }
        return param;
    }

    static OpenAiError notFound(String id, String param) {
        return new OpenAiError(404, OpenAiError.INVALID_REQUEST, "response_not_found", param, "Response with id '"
                + ResponsesRequest.abbreviate(id) + "' not found.", 0);
    }

    private static JsonNode read(String json) {
        try {
            return ChatRequest.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored response is not JSON", e);
        }
    }
}
