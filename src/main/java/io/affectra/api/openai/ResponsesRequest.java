package io.affectra.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * A {@code POST /v1/responses} body, checked where the Responses API differs from chat completions; what both have
 * (sampling ranges, the model, the content of messages) is checked once more by {@link ChatRequest} on the chat
 * request it becomes. Unknown fields are refused as OpenAI refuses them; fields that only matter to OpenAI's own
 * service ({@code include}, {@code service_tier}, ...) are accepted and change nothing; features that need what a
 * chat backend does not have (hosted tools, conversations, background runs, stored prompts) are a 400 saying so.
 */
final class ResponsesRequest {

    private static final Set<String> FIELDS = Set.of("model", "input", "instructions", "stream", "stream_options", "text", "tools",
            "tool_choice", "parallel_tool_calls", "temperature", "top_p", "max_output_tokens", "store", "previous_response_id",
            "metadata", "user", "reasoning", "truncation", "include", "service_tier", "safety_identifier", "prompt_cache_key",
            "prompt_cache_retention", "top_logprobs", "background", "max_tool_calls", "conversation", "prompt", "affectra");
    private static final Set<String> FORMATS = Set.of("text", "json_object", "json_schema");
    private static final Set<String> CHOICES = Set.of("none", "auto", "required");

    private final ObjectNode root;
    private final ArrayNode input;

    private ResponsesRequest(ObjectNode root, ArrayNode input) {
        this.root = root;
        this.input = input;
    }

    /** @throws OpenAiException (400) when the body is not a valid Responses request */
    static ResponsesRequest parse(byte[] body) {
        JsonNode node;
        try {
            node = ChatRequest.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ChatRequest.invalid(null, "invalid_json", "We could not parse the JSON body of your request: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ChatRequest.invalid(null, "invalid_json", "We could not read the JSON body of your request.");
        }
        if (!(node instanceof ObjectNode root)) {
            throw ChatRequest.invalid(null, "invalid_json", "The request body must be a JSON object.");
        }
        return new ResponsesRequest(root, validate(root));
    }

    /** @return the input as items: a string input is one user message */
    private static ArrayNode validate(ObjectNode root) {
        for (var fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                throw ChatRequest.invalid(field, "unknown_parameter", "Unknown parameter: '" + field + "'.");
            }
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ChatRequest.invalid("model", "missing_required_parameter", "You must provide a model parameter (a string). GET /v1/models lists them.");
        }
        for (String field : new String[] {"stream", "store", "background", "parallel_tool_calls"}) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isBoolean()) {
                throw ChatRequest.invalid(field, "invalid_type", "'" + field + "' must be a boolean.");
            }
        }
        for (String field : new String[] {"instructions", "previous_response_id", "user"}) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw ChatRequest.invalid(field, "invalid_type", "'" + field + "' must be a string.");
            }
        }
        if (root.path("background").asBoolean(false)) {
            throw unsupported("background", "Background responses are not served: send the request and keep the connection (or stream it).");
        }
        if (present(root, "conversation")) {
            throw unsupported("conversation", "Conversations are not served; continue a conversation with 'previous_response_id'.");
        }
        if (present(root, "prompt")) {
            throw unsupported("prompt", "Stored prompts are not served; send 'instructions' and 'input'.");
        }
        JsonNode metadata = root.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw ChatRequest.invalid("metadata", "invalid_type", "'metadata' must be an object of strings.");
        }
        text(root.get("text"));
        tools(root);
        return input(root.get("input"));
    }

    private static ArrayNode input(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ChatRequest.invalid("input", "missing_required_parameter", "You must provide 'input': a string or an array of input items.");
        }
        if (input.isTextual()) {
            ArrayNode items = ChatRequest.JSON.createArrayNode();
            items.addObject().put("type", "message").put("role", "user").put("content", input.asText());
            return items;
        }
        if (!input.isArray() || input.isEmpty()) {
            throw ChatRequest.invalid("input", "invalid_type", "'input' must be a string or a non-empty array of input items.");
        }
        for (int i = 0; i < input.size(); i++) {
            if (!input.get(i).isObject()) {
                throw ChatRequest.invalid("input[" + i + "]", "invalid_type", "input[" + i + "] must be an object (an input item).");
            }
        }
        return (ArrayNode) input;
    }

    private static void text(JsonNode text) {
        if (text == null || text.isNull()) {
            return;
        }
        if (!text.isObject()) {
            throw ChatRequest.invalid("text", "invalid_type", "'text' must be an object with a 'format'.");
        }
        JsonNode format = text.get("format");
        if (format == null || format.isNull()) {
            return;
        }
        String type = format.path("type").asText("");
        if (!format.isObject() || !FORMATS.contains(type)) {
            throw ChatRequest.invalid("text.format.type", "invalid_value", "'text.format.type' must be text, json_object or json_schema.");
        }
        if (type.equals("json_schema")) {
            if (!format.path("name").isTextual() || format.path("name").asText().isBlank()) {
                throw ChatRequest.invalid("text.format.name", "missing_required_parameter", "A json_schema format needs a 'name'.");
            }
            if (!format.path("schema").isObject()) {
                throw ChatRequest.invalid("text.format.schema", "missing_required_parameter", "A json_schema format needs a 'schema' (an object).");
            }
        }
    }

    private static void tools(ObjectNode root) {
        JsonNode tools = root.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw ChatRequest.invalid("tools", "invalid_type", "'tools' must be an array.");
            }
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                String type = tool.path("type").asText("");
                if (!type.equals("function")) {
                    throw unsupported("tools[" + i + "]", "Tools of type '" + abbreviate(type) + "' are not served: the backends behind this "
                            + "server speak chat completions, so only function tools ({\"type\": \"function\", \"name\", \"parameters\"}) work.");
                }
                if (!tool.path("name").isTextual() || tool.path("name").asText().isBlank()) {
                    throw ChatRequest.invalid("tools[" + i + "].name", "missing_required_parameter", "A function tool needs a 'name'.");
                }
            }
        }
        JsonNode choice = root.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        if (choice.isTextual() && CHOICES.contains(choice.asText())) {
            return;
        }
        if (choice.isObject() && "function".equals(choice.path("type").asText()) && choice.path("name").isTextual()) {
            return;
        }
        throw ChatRequest.invalid("tool_choice", "invalid_value",
                "'tool_choice' must be none, auto, required or {\"type\": \"function\", \"name\": ...} (only function tools are served).");
    }

    private static boolean present(ObjectNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && !value.isNull();
    }

    static OpenAiException unsupported(String param, String message) {
        return ChatRequest.invalid(param, "unsupported_parameter", message);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The request as sent (for the fields a response repeats). */
    ObjectNode root() {
        return root;
    }

    String model() {
        return root.get("model").asText();
    }

    /** The input items; a string input is one user message. */
    ArrayNode input() {
        return input;
    }

    /** {@code instructions}, or null. */
    String instructions() {
        return root.path("instructions").textValue();
    }

    String previousResponseId() {
        return root.path("previous_response_id").textValue();
    }

    boolean stream() {
        return root.path("stream").asBoolean(false);
    }

    /** {@code store}: true unless the client said false, as at OpenAI. */
    boolean store() {
        return root.path("store").asBoolean(true);
    }

    /**
     * The chat request around {@code messages}: the Responses fields in their chat form. A stream asks for the usage
     * chunk, which the final event reports.
     */
    ObjectNode chat(ArrayNode messages) {
        ObjectNode chat = ChatRequest.JSON.createObjectNode();
        chat.put("model", model());
        chat.set("messages", messages);
        if (stream()) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        copy("temperature", chat, "temperature");
        copy("top_p", chat, "top_p");
        copy("max_output_tokens", chat, "max_completion_tokens");
        copy("user", chat, "user");
        JsonNode effort = root.path("reasoning").path("effort");
        if (effort.isTextual()) {
            chat.put("reasoning_effort", effort.asText());
        }
        JsonNode format = root.path("text").path("format");
        if (format.isObject()) {
            chat.set("response_format", responseFormat((ObjectNode) format));
        }
        JsonNode tools = root.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode nested = chat.putArray("tools");
            for (JsonNode tool : tools) {
                ObjectNode function = nested.addObject().put("type", "function").putObject("function");
                for (String field : new String[] {"name", "description", "parameters", "strict"}) {
                    JsonNode value = tool.get(field);
                    if (value != null && !value.isNull()) {
                        function.set(field, value);
                    }
                }
            }
            JsonNode choice = root.get("tool_choice");
            if (choice != null && choice.isObject()) {
                chat.putObject("tool_choice").put("type", "function").putObject("function").put("name", choice.path("name").asText());
            } else if (choice != null && choice.isTextual()) {
                chat.set("tool_choice", choice);
            }
            copy("parallel_tool_calls", chat, "parallel_tool_calls");
        }
        copy("affectra", chat, "affectra");
        return chat;
    }

    private static ObjectNode responseFormat(ObjectNode format) {
        ObjectNode out = ChatRequest.JSON.createObjectNode().put("type", format.path("type").asText());
        if (format.path("type").asText().equals("json_schema")) {
            ObjectNode schema = out.putObject("json_schema");
            for (String field : new String[] {"name", "description", "schema", "strict"}) {
                JsonNode value = format.get(field);
                if (value != null && !value.isNull()) {
                    schema.set(field, value);
                }
            }
        }
        return out;
    }

    private void copy(String from, ObjectNode chat, String to) {
        JsonNode value = root.get(from);
        if (value != null && !value.isNull()) {
            chat.set(to, value);
        }
    }
}
