package io.affectra.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.gateway.ReplyTranslator;
import io.affectra.gateway.SseRelay;
import io.affectra.gateway.UpstreamFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.function.Function;

/**
 * A backend's chat completion translated into a Responses API result on its way to the client. A stream is
 * translated event by event as the relay hands over whole chat events, so each text delta leaves as soon as its
 * chunk arrived; {@code response.created} goes out with the head, before the backend's first token. The final
 * event (or the plain body) waits for {@code finished}: the response is stored before the client learns that it is
 * complete, so a follow-up naming it always finds it. A backend that answers a stream request with a plain completion
 * still gets its client a stream.
 */
final class ResponseReply implements ReplyTranslator {

    private final ResponseAssembly assembly;
    private final boolean streaming;
    private final Function<ObjectNode, Future<Void>> finished;
    private final Function<Throwable, OpenAiError> failure;

    /**
     * @param finished called with the complete response (stores it); the reply ends when it completes
     * @param failure  what a client hears when {@code finished} failed
     */
    ResponseReply(ResponseAssembly assembly, boolean streaming, Function<ObjectNode, Future<Void>> finished,
            Function<Throwable, OpenAiError> failure) {
        this.assembly = assembly;
        this.streaming = streaming;
        this.finished = finished;
        this.failure = failure;
    }

    @Override
    public Buffer start() {
        assembly.created();
        return assembly.drain();
    }

    @Override
    public Buffer events(Buffer events) {
        if (events.length() == 0) {
            return events;
        }
        for (String data : SseRelay.data(events)) {
            chunk(data);
        }
        return assembly.drain();
    }

    private void chunk(String data) {
        if (assembly.over() || data.strip().equals("[DONE]")) {
            return;
        }
        JsonNode chunk = parse(data);
        if (chunk == null || !chunk.isObject()) {
            assembly.failed(invalid("an event of its stream is not JSON"));
            return;
        }
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            assembly.failed(OpenAiError.badGateway("backend_unavailable", "The backend failed while answering: "
                    + (error.path("message").isTextual() ? error.path("message").asText() : error.toString())));
            return;
        }
        JsonNode choice = chunk.path("choices").path(0);
        message(choice.path("delta"));
        assembly.finish(choice.path("finish_reason").textValue());
        assembly.chatUsage(chunk.get("usage"));
    }

    /** A chat message or delta: its text, refusal and tool calls (the first piece of a call has its id and name). */
    private void message(JsonNode message) {
        String content = message.path("content").textValue();
        if (content != null && !content.isEmpty()) {
            assembly.text(content);
        }
        String refusal = message.path("refusal").textValue();
        if (refusal != null && !refusal.isEmpty()) {
            assembly.refusal(refusal);
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            assembly.toolCall(call.path("index").asInt(i), call.path("id").textValue(), call.path("function").path("name").textValue(),
                    call.path("function").path("arguments").textValue());
        }
    }

    @Override
    public Future<Buffer> end(Buffer rest) {
        Buffer out = events(rest);
        if (assembly.over()) {
            return Future.succeededFuture(out);
        }
        ObjectNode response = assembly.complete();
        Buffer closing = out.appendBuffer(assembly.drain());
        return finished.apply(response)
                .map(stored -> {
                    assembly.completed(response);
                    return closing.appendBuffer(assembly.drain());
                })
                .recover(e -> {
                    assembly.failed(failure.apply(e));
                    return Future.succeededFuture(closing.appendBuffer(assembly.drain()));
                });
    }

    @Override
    public Buffer broken(Buffer rest, UpstreamFailure broken) {
        Buffer out = events(rest);
        if (!assembly.over()) {
            assembly.failed(UpstreamErrors.of(broken));
        }
        return out.appendBuffer(assembly.drain());
    }

    @Override
    public Future<Buffer> body(Buffer completion) {
        JsonNode root = parse(completion.toString());
        JsonNode choice = root == null ? null : root.path("choices").path(0);
        if (choice == null || !choice.path("message").isObject()) {
            return Future.failedFuture(new OpenAiException(invalid("its reply is not a chat completion")));
        }
        assembly.created();
        message(choice.path("message"));
        assembly.finish(choice.path("finish_reason").textValue());
        assembly.chatUsage(root.get("usage"));
        ObjectNode response = assembly.complete();
        Buffer events = assembly.drain();
        return finished.apply(response).map(stored -> {
            if (!streaming) {
                return Buffer.buffer(ResponseAssembly.json(response));
            }
            assembly.completed(response);
            return events.appendBuffer(assembly.drain());
        });
    }

    @Override
    public String bodyType(String backendType) {
        return streaming ? "text/event-stream; charset=utf-8" : "application/json";
    }

    private static OpenAiError invalid(String what) {
        return OpenAiError.badGateway("backend_invalid_answer", "The backend answered, but " + what + ".");
    }

    private static JsonNode parse(String json) {
        try {
            return ChatRequest.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
