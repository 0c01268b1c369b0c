package io.affectra.gateway.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the media parts of a conversation ({@code image_url}, {@code input_audio}, {@code video_url}) and refuses a
 * content part of a type nobody defines: forwarded as it is, a backend would judge it; dropped, the client would
 * never know its part was not read.
 */
public final class MediaParts {

    /** OpenAI's content part types, and vLLM's {@code video_url}. */
    static final Set<String> KNOWN_TYPES = Set.of("text", "image_url", "input_audio", "video_url", "file", "refusal");

    private MediaParts() {
    }

    /** In message order; empty (and cheap) for a text-only conversation. */
    public static List<MediaPart> find(JsonNode messages) {
        List<MediaPart> found = List.of();
        for (int m = 0; m < messages.size(); m++) {
            JsonNode content = messages.get(m).get("content");
            if (content == null || !content.isArray()) {
                continue;
            }
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                String type = part.path("type").asText("");
                if (!KNOWN_TYPES.contains(type)) {
                    String param = "messages[" + m + "].content[" + p + "]";
                    throw new MediaRejected(400, "unsupported-content-part", param, (part.has("type")
                            ? "Content part type '" + abbreviate(part.path("type").asText()) + "'" : "A content part without a type")
                            + " at " + param + " is not supported; use one of " + String.join(", ", KNOWN_TYPES.stream().sorted().toList()) + ".");
                }
                MediaPart media = media(part, found.size() + 1, m, p);
                if (media != null) {
                    if (found.isEmpty()) {
                        found = new ArrayList<>();
                    }
                    found.add(media);
                }
            }
        }
        return found;
    }

    private static MediaPart media(JsonNode part, int index, int message, int position) {
        String type = part.path("type").asText("");
        return switch (type) {
            case "image_url" -> new MediaPart(index, message, position, MediaPart.Kind.IMAGE, url(part.get("image_url")), null);
            case "video_url" -> new MediaPart(index, message, position, MediaPart.Kind.VIDEO, url(part.get("video_url")), null);
            case "input_audio" -> new MediaPart(index, message, position, MediaPart.Kind.AUDIO,
                    part.path("input_audio").path("data").asText(null), part.path("input_audio").path("format").asText(null));
            default -> null;
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** {@code {"url": ...}} as the spec says, or a bare string as some clients send. */
    private static String url(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("url").asText(null);
    }
}
