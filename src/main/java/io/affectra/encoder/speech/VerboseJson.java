package io.affectra.encoder.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.encoder.text.TranscriptParser;
import io.affectra.encoder.text.TranscriptSegment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transcription reply: {@code {"text": ..., "segments": [{"start": 0.5, "end": 5.6, "text": ...}, ...]}}, times in
 * seconds. Segments become timed transcript segments, numbered in order; empty ones are skipped. A reply with text and
 * no segments (a server that ignores {@code verbose_json}) is read as plain text, to be aligned to the speech. Anything
 * else is not a transcription.
 */
final class VerboseJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerboseJson() {
    }

    static Transcript read(byte[] body) throws TranscriptionFailure {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw TranscriptionFailure.invalid("answered something that is not JSON");
        } catch (IOException e) {
            throw TranscriptionFailure.invalid("answered something that could not be read");
        }
        if (root == null || !root.isObject()) {
            throw TranscriptionFailure.invalid("answered JSON that is not a transcription (no object)");
        }
        JsonNode text = root.get("text");
        JsonNode segments = root.get("segments");
        if ((text == null || !text.isTextual()) && (segments == null || !segments.isArray())) {
            throw TranscriptionFailure.invalid("answered JSON that is not a transcription (neither text nor segments)");
        }
        String whole = text != null && text.isTextual() ? text.asText().strip() : "";
        if (segments == null || !segments.isArray() || segments.isEmpty()) {
            return new Transcript(whole, whole.isEmpty() ? List.of() : TranscriptParser.parse(whole).stream()
                    .map(s -> new TranscriptSegment(s.index(), 0, 0, s.text(), false)).toList());
        }
        List<TranscriptSegment> out = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (JsonNode s : segments) {
            JsonNode start = s.get("start");
            JsonNode end = s.get("end");
            JsonNode words = s.get("text");
            if (start == null || !start.isNumber() || end == null || !end.isNumber() || words == null || !words.isTextual()) {
                throw TranscriptionFailure.invalid("answered segments without numeric start and end and a text");
            }
            String said = words.asText().strip();
            if (said.isEmpty()) {
                continue;
            }
            out.add(new TranscriptSegment(out.size() + 1, Math.round(start.asDouble() * 1000), Math.round(end.asDouble() * 1000), said,
                    true));
            joined.append(joined.isEmpty() ? "" : " ").append(said);
        }
        return new Transcript(whole.isEmpty() ? joined.toString() : whole, out);
    }
}
