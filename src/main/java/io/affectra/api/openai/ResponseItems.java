package io.affectra.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.media.MediaKind;
import io.affectra.media.MediaSniffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Responses API input items in their chat form, and the same items as they are kept for a later turn.
 * <ul>
 * <li>a {@code message} item becomes a chat message ({@code developer} becomes {@code system}, which every chat
 * server knows); its parts map one to one ({@code input_text} to {@code text}, {@code input_image} to
 * {@code image_url}, {@code input_audio} stays, an {@code input_file} holding media to the chat part of its kind), so
 * that the chat pipeline finds, checks and encodes the media as it does for chat completions; a message with text
 * only becomes a plain string, which every chat template takes;</li>
 * <li>{@code function_call} items become an assistant message's {@code tool_calls} (adjacent ones together, with the
 * assistant text before them), a {@code function_call_output} a {@code tool} message.</li>
 * </ul>
 * Kept items are the input with each media part replaced by a text placeholder: media bytes and data URIs never reach
 * the store.
 */
final class ResponseItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
    private static final Set<String> MEDIA_PARTS = Set.of("input_image", "input_audio", "input_file");

    /** The chat messages made so far, and where each came from (how an error names it). */
    static final class Conversation {
        private final ArrayNode messages = NODES.arrayNode();
        private final List<String> origins = new ArrayList<>();

        ArrayNode messages() {
            return messages;
        }

        /** Where chat message {@code index} came from: {@code input[2]}, {@code instructions}, ... */
        String origin(int index) {
            return index >= 0 && index < origins.size() ? origins.get(index) : "input";
        }

        void system(String text, String origin) {
            add(NODES.objectNode().put("role", "system").put("content", text), origin);
        }

        private void add(ObjectNode message, String origin) {
            messages.add(message);
            origins.add(origin);
        }

        private ObjectNode last() {
            return messages.isEmpty() ? null : (ObjectNode) messages.get(messages.size() - 1);
        }
    }

    private ResponseItems() {
    }

    /**
     * Adds {@code items} to the conversation.
     *
     * @param origin    how errors name them: {@code input} (then {@code input[i]} each) or {@code previous_response_id}
     * @param indexed   whether each item is named by its index under {@code origin}
     */
    static void append(Conversation conversation, ArrayNode items, String origin, boolean indexed) {
        for (int i = 0; i < items.size(); i++) {
            String where = indexed ? origin + "[" + i + "]" : origin;
            JsonNode item = items.get(i);
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            switch (type) {
                case "message" -> conversation.add(message(item, where), where);
                case "function_call" -> functionCall(conversation, item, where);
                case "function_call_output" -> conversation.add(NODES.objectNode().put("role", "tool")
                        .put("tool_call_id", required(item, "call_id", where)).put("content", output(item.get("output"), where)), where);
                default -> throw ChatRequest.invalid(where + ".type", "invalid_value", "Input items of type '"
                        + ResponsesRequest.abbreviate(type) + "' are not served; send message, function_call and function_call_output items.");
            }
        }
    }

    private static ObjectNode message(JsonNode item, String where) {
        String role = item.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw ChatRequest.invalid(where + ".role", "invalid_value", where + ".role must be one of user, assistant, system, developer.");
        }
        ObjectNode message = NODES.objectNode().put("role", role.equals("developer") ? "system" : role);
        JsonNode content = item.get("content");
        if (content != null && content.isTextual()) {
            return message.put("content", content.asText());
        }
        if (content == null || !content.isArray()) {
            throw ChatRequest.invalid(where + ".content", "invalid_type", where + ".content must be a string or an array of content parts.");
        }
        ArrayNode parts = NODES.arrayNode();
        boolean media = false;
        for (int p = 0; p < content.size(); p++) {
            ObjectNode part = part(content.get(p), where + ".content[" + p + "]");
            media |= !part.path("type").asText().equals("text");
            parts.add(part);
        }
        if (media && role.equals("assistant")) {
            throw ChatRequest.invalid(where + ".content", "invalid_value", "An assistant message holds text (output_text parts), not media.");
        }
        if (media) {
            return message.set("content", parts);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText(""));
        }
        return message.put("content", text.toString());
    }

    /** A content part in its chat form, checked. */
    private static ObjectNode part(JsonNode part, String where) {
        String type = part.path("type").asText("");
        return switch (type) {
            case "input_text", "output_text" -> NODES.objectNode().put("type", "text").put("text", required(part, "text", where));
            case "refusal" -> NODES.objectNode().put("type", "text").put("text", required(part, "refusal", where));
            case "input_image" -> image(part, where);
            case "input_audio" -> audio(part, where);
            case "input_file" -> file(part, where);
            default -> throw new OpenAiException(OpenAiError.invalid(where, "unsupported_content_part", "Content part type '"
                    + ResponsesRequest.abbreviate(type) + "' at " + where + " is not supported; use input_text, input_image, input_audio or "
                    + "input_file (media), or output_text in assistant messages."));
        };
    }

    private static ObjectNode image(JsonNode part, String where) {
        JsonNode url = part.get("image_url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw part.hasNonNull("file_id") ? noFiles(where)
                    : ChatRequest.invalid(where + ".image_url", "missing_required_parameter", "An input_image needs an 'image_url' (a data: URI or a URL).");
        }
        ObjectNode image = NODES.objectNode().put("url", url.asText());
        if (part.path("detail").isTextual()) {
            image.put("detail", part.path("detail").asText());
        }
        ObjectNode out = NODES.objectNode().put("type", "image_url");
        out.set("image_url", image);
        return out;
    }

    /** {@code {"input_audio": {"data", "format"}}} as OpenAI sends it, or {@code data} and {@code format} on the part. */
    private static ObjectNode audio(JsonNode part, String where) {
        JsonNode audio = part.path("input_audio").isObject() ? part.get("input_audio") : part;
        if (!audio.path("data").isTextual() || audio.path("data").asText().isBlank()) {
            throw ChatRequest.invalid(where + ".input_audio.data", "missing_required_parameter", "An input_audio part needs base64 'data' and a 'format'.");
        }
        return audioPart(audio.path("data").asText(), audio.path("format").asText("wav"));
    }

    private static ObjectNode audioPart(String base64, String format) {
        ObjectNode out = NODES.objectNode().put("type", "input_audio");
        out.putObject("input_audio").put("data", base64).put("format", format);
        return out;
    }

    /**
     * An {@code input_file} is read only when its {@code file_data} is media (an image, audio or video data URI); its
     * kind comes from the data URI's type, or from the bytes where the type says nothing ({@code application/octet-stream}).
     */
    private static ObjectNode file(JsonNode part, String where) {
        JsonNode data = part.get("file_data");
        if (data == null || !data.isTextual()) {
            if (part.hasNonNull("file_url")) {
                throw new OpenAiException(OpenAiError.invalid(where + ".file_url", "unsupported_content_part", "input_file by 'file_url' is not "
                        + "served; send media as an input_image URL or as 'file_data' (a data: URI)."));
            }
            throw part.hasNonNull("file_id") ? noFiles(where)
                    : ChatRequest.invalid(where + ".file_data", "missing_required_parameter", "An input_file needs 'file_data' (a data: URI).");
        }
        String uri = data.asText();
        int comma = uri.indexOf(',');
        if (!uri.regionMatches(true, 0, "data:", 0, 5) || comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw ChatRequest.invalid(where + ".file_data", "invalid_value", "'file_data' must be a base64 data: URI: data:<type>;base64,<data>.");
        }
        String type = uri.substring(5, uri.indexOf(';')).toLowerCase(Locale.ROOT);
        String family = type.contains("/") ? type.substring(0, type.indexOf('/')) : "";
        if (!Set.of("image", "audio", "video").contains(family)) {
            family = sniff(uri.substring(comma + 1)).family();
        }
        return switch (family) {
            case "image" -> {
                ObjectNode out = NODES.objectNode().put("type", "image_url");
                out.putObject("image_url").put("url", uri);
                yield out;
            }
            case "audio" -> audioPart(uri.substring(comma + 1), audioFormat(type));
            case "video" -> {
                ObjectNode out = NODES.objectNode().put("type", "video_url");
                out.putObject("video_url").put("url", uri);
                yield out;
            }
            default -> throw new OpenAiException(OpenAiError.invalid(where, "unsupported_content_part", "The input_file at " + where
                    + (part.path("filename").isTextual() ? " ('" + ResponsesRequest.abbreviate(part.path("filename").asText()) + "')" : "")
                    + " is " + (type.isEmpty() ? "not media" : type) + "; this server reads only media files (images, audio, video) through its"
                    + " encoders. Send documents' text as input_text."));
        };
    }

    private static MediaKind sniff(String base64) {
        try {
            String head = base64.substring(0, Math.min(base64.length(), 64));
            byte[] bytes = Base64.getMimeDecoder().decode(head.substring(0, head.length() - head.length() % 4));
            return MediaSniffer.sniff(bytes);
        } catch (IllegalArgumentException e) {
            return MediaKind.UNKNOWN;
        }
    }

    private static String audioFormat(String type) {
        String sub = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "";
        return switch (sub) {
            case "mpeg", "mp3" -> "mp3";
            case "wav", "x-wav", "wave", "vnd.wave", "" -> "wav";
            default -> sub;
        };
    }

    private static OpenAiException noFiles(String where) {
        return new OpenAiException(OpenAiError.invalid(where + ".file_id", "unsupported_content_part", "'file_id' needs OpenAI's Files API, "
                + "which this server does not have; send the media inline as a data: URI."));
    }

    /** A function call joins the assistant message right before it, or starts one. */
    private static void functionCall(Conversation conversation, JsonNode item, String where) {
        ObjectNode call = NODES.objectNode().put("id", required(item, "call_id", where)).put("type", "function");
        call.putObject("function").put("name", required(item, "name", where)).put("arguments", item.path("arguments").asText("{}"));
        ObjectNode last = conversation.last();
        if (last == null || !last.path("role").asText().equals("assistant")) {
            last = NODES.objectNode().put("role", "assistant").putNull("content");
            conversation.add(last, where);
        }
        JsonNode calls = last.get("tool_calls");
        (calls instanceof ArrayNode array ? array : last.putArray("tool_calls")).add(call);
    }

    private static String output(JsonNode output, String where) {
        if (output != null && output.isTextual()) {
            return output.asText();
        }
        if (output != null && output.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : output) {
                if (!part.path("type").asText().equals("input_text")) {
                    throw new OpenAiException(OpenAiError.invalid(where + ".output", "unsupported_content_part",
                            "A function_call_output holds text (a string or input_text parts)."));
                }
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText(""));
            }
            return text.toString();
        }
        throw ChatRequest.invalid(where + ".output", "missing_required_parameter", "A function_call_output needs an 'output' (a string).");
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw ChatRequest.invalid(where + "." + field, "missing_required_parameter", where + " needs '" + field + "' (a string).");
        }
        return value.asText();
    }

    /**
     * The items as they are stored for a later turn: each media part replaced by a text placeholder; a string input
     * item already is an item.
     */
    static ArrayNode kept(ArrayNode items) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : items) {
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            if (!copy.has("type") && copy.has("role")) {
                copy.put("type", "message");
            }
            JsonNode content = copy.get("content");
            if (content instanceof ArrayNode parts) {
                for (int p = 0; p < parts.size(); p++) {
                    String type = parts.get(p).path("type").asText();
                    if (MEDIA_PARTS.contains(type)) {
                        parts.set(p, NODES.objectNode().put("type", "input_text").put("text", placeholder(parts.get(p))));
                    }
                }
            }
            out.add(copy);
        }
        return out;
    }

    private static String placeholder(JsonNode part) {
        String noun = switch (part.path("type").asText()) {
            case "input_image" -> "An image";
            case "input_audio" -> "An audio clip";
            default -> {
                String data = part.path("file_data").asText("");
                yield data.regionMatches(true, 0, "data:video/", 0, 11) ? "A video" : data.regionMatches(true, 0, "data:audio/", 0, 11)
                        ? "An audio clip" : data.regionMatches(true, 0, "data:image/", 0, 11) ? "An image" : "A file";
            }
        };
        return "[" + noun + " was attached here in an earlier request; the server does not keep media, so it is not part of this one.]";
    }
}
