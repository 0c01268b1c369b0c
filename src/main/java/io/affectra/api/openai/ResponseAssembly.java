package io.affectra.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Responses API result put together from a chat result as it arrives: assistant text, refusals and tool calls become
 * output items ({@code message} with {@code output_text} or {@code refusal} parts, {@code function_call}), the finish
 * reason the status, the chat usage the Responses usage. When streaming, every step also writes its typed events, each
 * with the next {@code sequence_number}, in the order OpenAI sends them:
 * <pre>
 * response.created, response.in_progress
 * response.output_item.added, response.content_part.added, response.output_text.delta ..., response.output_text.done,
 *   response.content_part.done, response.output_item.done          (per message; refusal parts alike)
 * response.output_item.added, response.function_call_arguments.delta ..., response.function_call_arguments.done,
 *   response.output_item.done                                      (per function call)
 * response.completed (response.incomplete when cut at max_output_tokens; response.failed when the backend failed)
 * </pre>
 * A message closes when a tool call starts; tool calls close at the end (their events name their items, so a backend
 * that interleaves calls is still rendered right). One instance per response; not thread-safe.
 */
final class ResponseAssembly {

    private abstract static class Item {
        final String id;
        final int index;
        String status = "in_progress";

        Item(String id, int index) {
            this.id = id;
            this.index = index;
        }

        boolean open() {
            return status.equals("in_progress");
        }

        abstract ObjectNode json();
    }

    private static final class Part {
        final String type;
        final StringBuilder text = new StringBuilder();

        Part(String type) {
            this.type = type;
        }

        ObjectNode json() {
            ObjectNode part = ChatRequest.JSON.createObjectNode().put("type", type);
            if (type.equals("refusal")) {
                return part.put("refusal", text.toString());
            }
            part.putArray("annotations");
            part.putArray("logprobs");
            return part.put("text", text.toString());
        }
    }

    private static final class Message extends Item {
        final List<Part> parts = new ArrayList<>();

        Message(String id, int index) {
            super(id, index);
        }

        @Override
        ObjectNode json() {
            ObjectNode item = ChatRequest.JSON.createObjectNode().put("id", id).put("type", "message").put("status", status)
                    .put("role", "assistant");
            ArrayNode content = item.putArray("content");
            parts.forEach(p -> content.add(p.json()));
            return item;
        }
    }

    private static final class Call extends Item {
        final String callId;
        String name;
        final StringBuilder arguments = new StringBuilder();

        Call(String id, int index, String callId, String name) {
            super(id, index);
            this.callId = callId;
            this.name = name;
        }

        @Override
        ObjectNode json() {
            return ChatRequest.JSON.createObjectNode().put("id", id).put("type", "function_call").put("status", status)
                    .put("arguments", arguments.toString()).put("call_id", callId).put("name", name);
        }
    }

    private final ObjectNode head;
    private final boolean streaming;
    private final List<ObjectNode> pending = new ArrayList<>();
    private long sequence;
    private final List<Item> items = new ArrayList<>();
    private final Map<Integer, Call> calls = new HashMap<>();
    private Message message;
    private String finish;
    private ObjectNode usage;
    private boolean over;

    /**
     * @param head      the response object's fields that do not change (id, model, what the request asked for), in order;
     *                  {@code status}, {@code output} and {@code usage} are filled in here
     * @param streaming whether to write events
     */
    ResponseAssembly(ObjectNode head, boolean streaming) {
        this.head = head;
        this.streaming = streaming;
    }

    static String newId(String prefix) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    /** The events written since the last call, as SSE bytes ({@code event:} and {@code data:} lines). */
    Buffer drain() {
        Buffer out = Buffer.buffer();
        for (ObjectNode event : pending) {
            out.appendString("event: ").appendString(event.path("type").asText()).appendString("\ndata: ").appendString(json(event))
                    .appendString("\n\n");
        }
        pending.clear();
        return out;
    }

    /** Whether the response has completed or failed: nothing more is added. */
    boolean over() {
        return over;
    }

    void created() {
        if (!streaming) {
            return;
        }
        emit("response.created").set("response", snapshot("in_progress"));
        emit("response.in_progress").set("response", snapshot("in_progress"));
    }

    void text(String delta) {
        Part part = part("output_text");
        part.text.append(delta);
        if (streaming && !delta.isEmpty()) {
            partEvent("response.output_text.delta", part).put("delta", delta).putArray("logprobs");
        }
    }

    void refusal(String delta) {
        Part part = part("refusal");
        part.text.append(delta);
        if (streaming && !delta.isEmpty()) {
            partEvent("response.refusal.delta", part).put("delta", delta);
        }
    }

    /**
     * A piece of a chat tool call: its first piece carries the id and the name, later ones more of the arguments.
     *
     * @param index the call's index in the chat message's {@code tool_calls}
     */
    void toolCall(int index, String callId, String name, String arguments) {
        closeMessage("completed");
        Call call = calls.get(index);
        if (call == null) {
            call = new Call(newId("fc_"), items.size(), callId != null ? callId : newId("call_"), name == null ? "" : name);
            calls.put(index, call);
            items.add(call);
            if (streaming) {
                emit("response.output_item.added").put("output_index", call.index).set("item", call.json());
            }
        } else if (name != null && call.name.isEmpty()) {
            call.name = name;
        }
        if (arguments != null && !arguments.isEmpty()) {
            call.arguments.append(arguments);
            if (streaming) {
                emit("response.function_call_arguments.delta").put("item_id", call.id).put("output_index", call.index).put("delta", arguments);
            }
        }
    }

    /** The chat finish reason ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}). */
    void finish(String reason) {
        if (reason != null) {
            finish = reason;
        }
    }

    /** A chat completion's usage (with {@code cue_context_tokens} where the cue context cost tokens). */
    void chatUsage(JsonNode chat) {
        if (chat == null || !chat.isObject()) {
            return;
        }
        long input = chat.path("prompt_tokens").asLong();
        long output = chat.path("completion_tokens").asLong();
        usage(input, chat.path("prompt_tokens_details").path("cached_tokens").asLong(), output,
                chat.path("completion_tokens_details").path("reasoning_tokens").asLong(),
                chat.path("total_tokens").asLong(input + output), chat.get("cue_context_tokens"));
    }

    void usage(long input, long output, long cueTokens) {
        usage(input, 0, output, 0, input + output, ChatRequest.JSON.getNodeFactory().numberNode(cueTokens));
    }

    private void usage(long input, long cached, long output, long reasoning, long total, JsonNode cueTokens) {
        usage = ChatRequest.JSON.createObjectNode().put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", cached);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning);
        usage.put("total_tokens", total);
        if (cueTokens != null && cueTokens.isNumber()) {
            usage.set("cue_context_tokens", cueTokens);
        }
    }

    /** Closes every open item and returns the finished response (not yet announced: see {@link #completed}). */
    ObjectNode complete() {
        String status = status();
        String itemStatus = status.equals("completed") ? "completed" : "incomplete";
        if (items.isEmpty()) {
            // A reply with neither text nor calls is still one (empty) message.
            part("output_text");
        }
        closeMessage(itemStatus);
        for (Item item : items) {
            if (item instanceof Call call && call.open()) {
                call.status = itemStatus;
                if (streaming) {
                    emit("response.function_call_arguments.done").put("item_id", call.id).put("output_index", call.index)
                            .put("name", call.name).put("arguments", call.arguments.toString());
                    emit("response.output_item.done").put("output_index", call.index).set("item", call.json());
                }
            }
        }
        ObjectNode response = snapshot(status);
        if (!status.equals("completed")) {
            response.putObject("incomplete_details").put("reason", finish.equals("length") ? "max_output_tokens" : "content_filter");
        }
        return response;
    }

    /** Announces the finished response: {@code response.completed}, or {@code response.incomplete}. */
    void completed(ObjectNode response) {
        over = true;
        if (streaming) {
            emit(response.path("status").asText().equals("completed") ? "response.completed" : "response.incomplete").set("response", response);
        }
    }

    /** The response failed after it started: {@code response.failed} with the error, and nothing after it. */
    void failed(OpenAiError error) {
        over = true;
        items.stream().filter(Item::open).forEach(i -> i.status = "incomplete");
        ObjectNode response = snapshot("failed");
        response.putObject("error").put("code", error.code() == null ? "server_error" : error.code()).put("message", error.message());
        if (streaming) {
            emit("response.failed").set("response", response);
        }
    }

    static String json(JsonNode node) {
        try {
            return ChatRequest.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response", e);
        }
    }

    private String status() {
        return "length".equals(finish) || "content_filter".equals(finish) ? "incomplete" : "completed";
    }

    private Part part(String type) {
        if (message == null) {
            message = new Message(newId("msg_"), items.size());
            items.add(message);
            if (streaming) {
                emit("response.output_item.added").put("output_index", message.index).set("item", message.json());
            }
        }
        Part last = message.parts.isEmpty() ? null : message.parts.get(message.parts.size() - 1);
        if (last != null && last.type.equals(type)) {
            return last;
        }
        if (last != null) {
            closePart(last);
        }
        Part part = new Part(type);
        message.parts.add(part);
        if (streaming) {
            partEvent("response.content_part.added", part).set("part", part.json());
        }
        return part;
    }

    private void closePart(Part part) {
        if (!streaming) {
            return;
        }
        if (part.type.equals("refusal")) {
            partEvent("response.refusal.done", part).put("refusal", part.text.toString());
        } else {
            partEvent("response.output_text.done", part).put("text", part.text.toString()).putArray("logprobs");
        }
        partEvent("response.content_part.done", part).set("part", part.json());
    }

    private void closeMessage(String status) {
        if (message == null) {
            return;
        }
        if (!message.parts.isEmpty()) {
            closePart(message.parts.get(message.parts.size() - 1));
        }
        message.status = status;
        if (streaming) {
            emit("response.output_item.done").put("output_index", message.index).set("item", message.json());
        }
        message = null;
    }

    private ObjectNode partEvent(String type, Part part) {
        return emit(type).put("item_id", message.id).put("output_index", message.index).put("content_index", message.parts.indexOf(part));
    }

    /** A new event of this type for the caller to fill in; serialised on {@link #drain}. Not kept when not streaming. */
    private ObjectNode emit(String type) {
        ObjectNode event = ChatRequest.JSON.createObjectNode().put("type", type);
        if (streaming) {
            event.put("sequence_number", sequence++);
            pending.add(event);
        }
        return event;
    }

    private ObjectNode snapshot(String status) {
        ObjectNode response = head.deepCopy();
        response.put("status", status);
        ArrayNode output = response.putArray("output");
        items.forEach(i -> output.add(i.json()));
        if (usage != null) {
            response.set("usage", usage.deepCopy());
        }
        return response;
    }
}
