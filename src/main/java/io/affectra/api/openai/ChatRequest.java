package io.affectra.api.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /v1/chat/completions} body as a JSON tree: what the gateway reads (model, stream, media) and checks is
 * read here; everything else (tools, response_format, sampling parameters, vendor extensions) travels to the backend
 * untouched. The checks mirror OpenAI's, so that every backend behind the gateway refuses the same mistakes with the same
 * 400 (a backend that ignores an invalid {@code temperature} would otherwise answer it). Affectra's own extension, an
 * {@code affectra} object ({@code variant}, {@code strategy}), is read and taken out: no backend gets it.
 */
public final class ChatRequest {

    /** Large base64 media make long strings: allow them (the request size limit bounds the whole body). */
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Set<String> FORMATS = Set.of("text", "json_object", "json_schema");
    private static final String EXTENSION = "affectra";
    private static final Set<String> EXTENSION_FIELDS = Set.of("variant", "strategy");

    private final ObjectNode root;
    private final ArrayNode messages;
    private final byte[] raw;
    private final boolean extended;
    private final String variant;
    private final String strategy;

    private ChatRequest(ObjectNode root, byte[] raw) {
        JsonNode extension = root.remove(EXTENSION);
        this.extended = extension != null;
        this.variant = extension == null ? null : extension.path("variant").textValue();
        this.strategy = extension == null ? null : extension.path("strategy").textValue();
        this.root = root;
        this.messages = (ArrayNode) root.get("messages");
        this.raw = raw;
    }

    /** @throws OpenAiException (400) when the body is not a valid chat-completion request */
    public static ChatRequest parse(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid(null, "invalid_json", "We could not parse the JSON body of your request: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(null, "invalid_json", "We could not read the JSON body of your request.");
        }
        if (!(node instanceof ObjectNode root)) {
            throw invalid(null, "invalid_json", "The request body must be a JSON object.");
        }
        return new ChatRequest(validate(root), body);
    }

    /**
     * A chat request made inside Affectra (a Responses API request translated), with the same checks as one sent.
     *
     * @throws OpenAiException (400) when it is not a valid chat-completion request
     */
    static ChatRequest of(ObjectNode root) {
        return new ChatRequest(validate(root), null);
    }

    private static ObjectNode validate(ObjectNode root) {
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw invalid("model", "missing_required_parameter", "You must provide a model parameter (a string). GET /v1/models lists them.");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw invalid("messages", "missing_required_parameter", "'messages' must be a non-empty array of messages.");
        }
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), "messages[" + i + "]");
        }
        bool(root, "stream");
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!root.path("stream").asBoolean(false)) {
                throw invalid("stream_options", "invalid_value", "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
            }
            if (!options.isObject()) {
                throw invalid("stream_options", "invalid_type", "'stream_options' must be an object.");
            }
            bool((ObjectNode) options, "include_usage");
        }
        integer(root, "n", 1, 128);
        number(root, "temperature", 0, 2);
        number(root, "top_p", 0, 1);
        number(root, "presence_penalty", -2, 2);
        number(root, "frequency_penalty", -2, 2);
        integer(root, "max_tokens", 1, Integer.MAX_VALUE);
        integer(root, "max_completion_tokens", 1, Integer.MAX_VALUE);
        integer(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        stop(root.get("stop"));
        responseFormat(root.get("response_format"));
        tools(root);
        extension(root.get(EXTENSION));
        return root;
    }

    private static void extension(JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return;
        }
        if (!extension.isObject()) {
            throw invalid(EXTENSION, "invalid_type", "'affectra' must be an object with 'variant' and/or 'strategy'.");
        }
        for (var fields = extension.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode value = extension.get(field);
            if (!EXTENSION_FIELDS.contains(field)) {
                throw invalid(EXTENSION + "." + field, "unknown_parameter", "Unknown field 'affectra." + field + "'; 'affectra' takes "
                        + "'variant' (a prompt template such as emotion/emo-llama) and 'strategy' (answer mode).");
            }
            if (!value.isNull() && (!value.isTextual() || value.asText().isBlank())) {
                throw invalid(EXTENSION + "." + field, "invalid_type", "'affectra." + field + "' must be a non-empty string.");
            }
        }
    }

    private static void message(JsonNode message, String where) {
        if (!message.isObject()) {
            throw invalid(where, "invalid_type", where + " must be an object with a 'role'.");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw invalid(where + ".role", "invalid_value", where + ".role must be one of system, developer, user, assistant, tool.");
        }
        JsonNode content = message.get("content");
        if (content != null && !(content.isNull() || content.isTextual() || content.isArray())) {
            throw invalid(where + ".content", "invalid_type", where + ".content must be a string or an array of content parts.");
        }
        if (content != null && content.isArray()) {
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw invalid(where + ".content[" + p + "]", "invalid_type", "Each content part needs a 'type' (text, image_url, input_audio, ...).");
                }
            }
        }
    }

    private static void stop(JsonNode stop) {
        if (stop == null || stop.isNull() || stop.isTextual()) {
            return;
        }
        if (!stop.isArray() || stop.size() > 4) {
            throw invalid("stop", "invalid_value", "'stop' must be a string or an array of up to 4 strings.");
        }
        for (JsonNode s : stop) {
            if (!s.isTextual()) {
                throw invalid("stop", "invalid_type", "'stop' must be a string or an array of up to 4 strings.");
            }
        }
    }

    private static void responseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return;
        }
        String type = format.path("type").asText("");
        if (!format.isObject() || !FORMATS.contains(type)) {
            throw invalid("response_format.type", "invalid_value", "'response_format.type' must be text, json_object or json_schema.");
        }
        if (type.equals("json_schema")) {
            JsonNode schema = format.get("json_schema");
            if (schema == null || !schema.isObject() || !schema.path("name").isTextual()) {
                throw invalid("response_format.json_schema", "missing_required_parameter",
                        "'response_format.json_schema' must be an object with a 'name' (and usually a 'schema').");
            }
        }
    }

    private static void tools(ObjectNode root) {
        JsonNode tools = root.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw invalid("tools", "invalid_type", "'tools' must be an array.");
            }
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                if (!tool.path("type").isTextual() || ("function".equals(tool.path("type").asText()) && !tool.path("function").path("name").isTextual())) {
                    throw invalid("tools[" + i + "]", "invalid_value", "Each tool needs a 'type' and, for functions, a 'function.name'.");
                }
            }
        }
        JsonNode choice = root.get("tool_choice");
        if (choice != null && !choice.isNull()) {
            if (tools == null || tools.isNull() || tools.isEmpty()) {
                throw invalid("tool_choice", "invalid_value", "'tool_choice' is only allowed when 'tools' are specified.");
            }
            if (!(choice.isTextual() || choice.isObject())) {
                throw invalid("tool_choice", "invalid_type", "'tool_choice' must be none, auto, required or a named tool.");
            }
        }
    }

    private static void bool(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw invalid(field, "invalid_type", "'" + field + "' must be a boolean.");
        }
    }

    private static void integer(ObjectNode node, String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw invalid(field, "invalid_value", "'" + field + "' must be an integer" + (max == Integer.MAX_VALUE ? " >= " + min
                    : min == Long.MIN_VALUE ? "" : " from " + min + " to " + max) + ".");
        }
    }

    private static void number(ObjectNode node, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw invalid(field, "invalid_value", "'" + field + "' must be a number from " + trim(min) + " to " + trim(max) + ".");
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static OpenAiException invalid(String param, String code, String message) {
        return new OpenAiException(OpenAiError.invalid(param, code, message));
    }

    public ObjectNode root() {
        return root;
    }

    /**
     * The body as the client sent it with only the model's value replaced, without re-serialising the rest: the cheap
     * way through for a conversation the gateway does not otherwise change. Null when the value cannot be located
     * safely (then write {@link #root()} instead).
     */
    public byte[] withModel(String model) {
        // The client's bytes still hold the extension that no backend may get; a request made here has no bytes.
        int[] slot = extended || raw == null ? null : modelSlot();
        if (slot == null) {
            return null;
        }
        byte[] value = quoted(model);
        byte[] out = new byte[raw.length - (slot[1] - slot[0]) + value.length];
        System.arraycopy(raw, 0, out, 0, slot[0]);
        System.arraycopy(value, 0, out, slot[0], value.length);
        System.arraycopy(raw, slot[1], out, slot[0] + value.length, raw.length - slot[1]);
        return out;
    }

    /** A JSON string literal, quotes included, without a generator per call. */
    static byte[] quoted(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] out = new byte[escaped.length + 2];
        out[0] = '"';
        System.arraycopy(escaped, 0, out, 1, escaped.length);
        out[out.length - 1] = '"';
        return out;
    }

    private int[] modelSlot;
    private boolean slotSearched;

    /** Byte offsets of the top-level {@code "model"} string value, quotes included. */
    private int[] modelSlot() {
        if (slotSearched) {
            return modelSlot;
        }
        slotSearched = true;
        try (JsonParser parser = JSON.getFactory().createParser(raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.getText();
                    int end = (int) parser.currentLocation().getByteOffset();
                    if (start >= 0 && end > start && end <= raw.length && raw[start] == '"' && raw[end - 1] == '"') {
                        modelSlot = new int[] {start, end};
                    }
                    return modelSlot;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    public String model() {
        return root.get("model").asText();
    }

    /** {@code affectra.variant}: a prompt template to answer with, or null. */
    public String variant() {
        return variant;
    }

    /** {@code affectra.strategy}: the strategy of an answer-mode model, or null. */
    public String strategy() {
        return strategy;
    }

    public ArrayNode messages() {
        return messages;
    }

    public boolean stream() {
        return root.path("stream").asBoolean(false);
    }

    public boolean includeUsage() {
        return root.path("stream_options").path("include_usage").asBoolean(false);
    }

    public int n() {
        return root.path("n").asInt(1);
    }

    public boolean hasTemperature() {
        JsonNode t = root.get("temperature");
        return t != null && !t.isNull();
    }

    /** {@code temperature}, or null when not sent. */
    public Double temperature() {
        return hasTemperature() ? root.get("temperature").asDouble() : null;
    }

    /** {@code seed}, or null when not sent. */
    public Long seed() {
        JsonNode seed = root.get("seed");
        return seed == null || seed.isNull() ? null : seed.asLong();
    }

    /** {@code max_completion_tokens}, else {@code max_tokens}, else 0 (no limit). */
    public long maxTokens() {
        long completion = root.path("max_completion_tokens").asLong(0);
        return completion > 0 ? completion : root.path("max_tokens").asLong(0);
    }

    public List<String> stop() {
        JsonNode stop = root.get("stop");
        List<String> out = new ArrayList<>();
        if (stop != null && stop.isTextual()) {
            out.add(stop.asText());
        } else if (stop != null && stop.isArray()) {
            stop.forEach(s -> out.add(s.asText()));
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** {@code text}, {@code json_object} or {@code json_schema}. */
    public String responseFormat() {
        return root.path("response_format").path("type").asText("text");
    }

    /** {@code none}, {@code auto}, {@code required}, or {@code named} for a specific tool; {@code none} without tools. */
    public String toolChoice() {
        JsonNode tools = root.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return "none";
        }
        JsonNode choice = root.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return "auto";
        }
        return choice.isTextual() ? choice.asText() : "named";
    }

    /** All text the client sent (for the offline reasoner's estimated prompt tokens). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                sb.append(content.asText()).append('\n');
            } else if (content != null && content.isArray()) {
                content.forEach(p -> sb.append(p.path("text").asText("")).append('\n'));
            }
        }
        return sb.toString();
    }
}
