package io.affectra.llm;

import io.affectra.cue.CueSet;
import io.affectra.vocabulary.LabelSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of an {@link io.affectra.vocabulary.EmotionAnswer} over a label set, as nested maps. It is
 * strict-compatible (closed objects, every property required; the per-person readings nullable, so that a model need
 * not invent them) so that OpenAI's strict structured outputs and vLLM's guided decoding accept it as is.
 */
public final class AnswerSchema {

    public static final String NAME = "emotion_answer";

    private AnswerSchema() {
    }

    public static Map<String, Object> of(LabelSet labels) {
        Map<String, Object> perLabel = new LinkedHashMap<>();
        labels.labels().forEach(l -> perLabel.put(l, unitNumber()));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("label", ordered("type", "string", "enum", labels.labels()));
        properties.put("confidence", unitNumber());
        properties.put("probabilities", object(perLabel));
        properties.put("reasoning", ordered("type", "string"));
        properties.put("cueIds", stringArray());
        properties.put("people", ordered("type", List.of("array", "null"), "items", person(labels)));
        return object(properties);
    }

    /**
     * One person's reading. {@code people} is listed as required because strict structured outputs demand every
     * property be, but it may be null: a model that cannot tell people apart answers without them.
     */
    private static Map<String, Object> person(LabelSet labels) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", ordered("type", "string"));
        properties.put("label", ordered("type", "string", "enum", labels.labels()));
        properties.put("confidence", unitNumber());
        properties.put("cueIds", stringArray());
        // No enum: not every constrained decoder takes null among enum values; the parser maps anything else to null.
        properties.put("position", ordered("type", List.of("string", "null"), "description", "left, centre or right, or null"));
        return object(properties);
    }

    private static Map<String, Object> stringArray() {
        return ordered("type", "array", "items", ordered("type", "string"));
    }

    /** A request whose reply must follow this schema. */
    public static BackendRequest request(List<PromptMessage> messages, CueSet cues, LabelSet labels) {
        return new BackendRequest(messages, of(labels), NAME, cues, labels);
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return ordered("type", "object", "properties", Collections.unmodifiableMap(properties),
                "required", List.copyOf(properties.keySet()), "additionalProperties", false);
    }

    private static Map<String, Object> unitNumber() {
        return ordered("type", "number", "minimum", 0, "maximum", 1);
    }

    /** Map.of has no order; a stable order keeps the schema's JSON (and request hashes) stable. */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
