package io.affectra.gateway.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.text.TextEmotionEncoder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's own words as evidence beside their media: the latest user message's text becomes cue {@code U1} (quoted)
 * with its text-emotion reading ({@code U1.emotion}), so that "I can't stop crying" sent with a photograph is read,
 * not only the photograph. Blocking (the text encoder): call it on a worker thread.
 */
@Singleton
public class UserWords {

    /** How much of the message its cue quotes (the text-emotion reading takes up to {@link #READ_CHARS}). */
    static final int CUE_CHARS = 280;
    static final int READ_CHARS = 2_000;

    private final TextEmotionEncoder textEmotion;

    public UserWords(TextEmotionEncoder textEmotion) {
        this.textEmotion = textEmotion;
    }

    /** The text of the last user message that has any: its content string, or its text parts one per line; null if none. */
    public static String latest(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return null;
        }
        for (int m = messages.size() - 1; m >= 0; m--) {
            JsonNode message = messages.get(m);
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.get("content");
            StringBuilder text = new StringBuilder();
            if (content != null && content.isTextual()) {
                text.append(content.asText());
            } else if (content != null && content.isArray()) {
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                        text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
                    }
                }
            }
            String said = text.toString().strip();
            if (!said.isEmpty()) {
                return said;
            }
        }
        return null;
    }

    /**
     * The message without its questions: "How does everyone feel?" asks about the media and says nothing of the
     * user's own feeling (the text model read it as sad), while "I can't stop crying" does.
     */
    static String statements(String text) {
        StringBuilder out = new StringBuilder();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n+")) {
            String s = sentence.strip();
            if (!s.isEmpty() && !s.endsWith("?")) {
                out.append(out.isEmpty() ? "" : " ").append(s);
            }
        }
        return out.toString();
    }

    /** {@code U1} for the text, and {@code U1.emotion} for what it states (not for its questions); none for blank text. */
    public List<Cue> cues(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String said = text.strip();
        String quote = said.length() > CUE_CHARS ? said.substring(0, CUE_CHARS) + "..." : said;
        List<Cue> cues = new ArrayList<>();
        cues.add(new Cue("U1", Modality.TEXT, "chat message", "user", CueType.TRANSCRIPT, quote, 1.0, null, TimeSpan.STILL, Map.of()));
        String statements = statements(said);
        if (statements.isEmpty()) {
            return cues;
        }
        cues.addAll(textEmotion.cues("U1", statements.length() > READ_CHARS ? statements.substring(0, READ_CHARS) : statements, TimeSpan.STILL).stream()
                .map(c -> new Cue(c.id(), c.modality(), c.source(), "user", c.type(), c.label(), c.score(), c.region(), c.span(), c.values()))
                .toList());
        return cues;
    }
}
