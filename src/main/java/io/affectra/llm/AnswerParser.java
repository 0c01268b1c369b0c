package io.affectra.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.cue.CueSet;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a backend's reply text into an {@link EmotionAnswer}, accepting what models really send: bare JSON, JSON in
 * {@code ```json} fences, JSON before or after prose, label synonyms ("happy"), unnormalised probabilities, cue
 * ids written as {@code [F1.expr]}, and optional per-person readings ({@code people}). Whatever cannot be read as an
 * answer over the request's labels is rejected with an {@link InvalidAnswerException} whose reason is specific enough
 * to show the model when asking again.
 * Stateless and thread-safe.
 */
@ApplicationScoped
public class AnswerParser {

    // Models put raw line breaks into long strings, leave trailing commas and sometimes use single quotes.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*(.*?)```", Pattern.DOTALL);

    public ParsedAnswer parse(String reply, LabelSet labels, CueSet cues) {
        ObjectNode node = unwrap(locateObject(reply));
        String label = label(node, labels);
        Map<String, Double> probabilities = probabilities(node, labels);
        double confidence = confidence(node, label, probabilities);
        if (probabilities == null) {
            probabilities = fromConfidence(label, confidence, labels);
        }
        String reasoning = optionalText(node, "reasoning");
        List<String> known = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : cueIds(node, "")) {
            (cues != null && cues.contains(id) ? known : unknown).add(id);
        }
        List<EmotionAnswer.Person> people = people(node, labels, cues, unknown);
        return new ParsedAnswer(new EmotionAnswer(label, confidence, probabilities, reasoning, known, people), List.copyOf(unknown));
    }

    /**
     * The optional per-person readings: absent or null is none; each one read like the answer itself (label over the
     * request's labels, confidence clamped, cue ids it invented moved to {@code unknown}), position left, centre or right
     * (synonyms accepted) or null.
     */
    private static List<EmotionAnswer.Person> people(ObjectNode node, LabelSet labels, CueSet cues, Set<String> unknown) {
        JsonNode value = node.get("people");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidAnswerException("'people' must be an array of objects, not " + kind(value));
        }
        List<EmotionAnswer.Person> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String where = "people[" + i + "]";
            if (!(value.get(i) instanceof ObjectNode person)) {
                throw new InvalidAnswerException("'" + where + "' must be an object, not " + kind(value.get(i)));
            }
            String id = optionalText(person, "id", where + ".id");
            if (id.isEmpty()) {
                throw new InvalidAnswerException("'" + where + ".id' is missing");
            }
            JsonNode rawLabel = person.get("label");
            if (rawLabel == null || !rawLabel.isTextual()) {
                throw new InvalidAnswerException("'" + where + ".label' must be one of: " + String.join(", ", labels.labels()));
            }
            String personLabel = labels.normalise(rawLabel.asText()).orElseThrow(() -> new InvalidAnswerException(
                    where + ".label '" + rawLabel.asText() + "' is not one of: " + String.join(", ", labels.labels())));
            JsonNode rawConfidence = person.get("confidence");
            double personConfidence = rawConfidence == null || rawConfidence.isNull() ? 0
                    : Math.max(0, Math.min(1, number(rawConfidence, where + ".confidence")));
            List<String> ids = new ArrayList<>();
            for (String cueId : cueIds(person, where + ".")) {
                if (cues != null && cues.contains(cueId)) {
                    ids.add(cueId);
                } else {
                    unknown.add(cueId);
                }
            }
            out.add(new EmotionAnswer.Person(id, personLabel, personConfidence, ids, position(person)));
        }
        return List.copyOf(out);
    }

    private static String position(ObjectNode person) {
        JsonNode value = person.get("position");
        if (value == null || !value.isTextual()) {
            return null;
        }
        String p = value.asText().strip().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "left", "right" -> p;
            case "centre", "center", "middle" -> "centre";
            default -> null;
        };
    }

    /** The first JSON object in the text: the whole text, a fenced block, or the first balanced {...} that parses. */
    public static ObjectNode locateObject(String reply) {
        if (reply == null || reply.isBlank()) {
            throw new InvalidAnswerException("the reply is empty");
        }
        List<String> candidates = new ArrayList<>();
        String text = reply.strip();
        if (text.startsWith("{")) {
            candidates.add(text);
        }
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            candidates.add(fence.group(1).strip());
        }
        List<String> balanced = balancedObjects(text);
        candidates.addAll(balanced);
        String firstError = null;
        for (String candidate : candidates) {
            try {
                JsonNode node = JSON.readTree(candidate);
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (JsonProcessingException e) {
                firstError = firstError != null ? firstError : shortError(e);
            }
        }
        if (text.indexOf('{') < 0) {
            throw new InvalidAnswerException("the reply contains no JSON object");
        }
        if (balanced.isEmpty()) {
            throw new InvalidAnswerException("the JSON object in the reply is not closed (cut off?)");
        }
        throw new InvalidAnswerException("the JSON object in the reply is malformed: " + firstError);
    }

    /** Jackson's message without its source dump, plus where it went wrong. */
    private static String shortError(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        message = (cut > 0 ? message.substring(0, cut) : message).lines().findFirst().orElse(message);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return message;
    }

    /** Top-level {...} spans, skipping braces inside JSON strings. */
    static List<String> balancedObjects(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth > 0 && inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"' && depth > 0) {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                out.add(text.substring(start, i + 1));
            }
        }
        return out;
    }

    /** Some models wrap the answer: {"answer": {...}} or {"emotion_answer": {...}}. */
    private static ObjectNode unwrap(ObjectNode node) {
        if (!node.has("label") && node.size() == 1) {
            JsonNode inner = node.elements().next();
            if (inner instanceof ObjectNode object && object.has("label")) {
                return object;
            }
        }
        return node;
    }

    private static String label(ObjectNode node, LabelSet labels) {
        JsonNode value = node.get("label");
        if (value == null || value.isNull()) {
            throw new InvalidAnswerException("the field 'label' is missing");
        }
        if (!value.isTextual()) {
            throw new InvalidAnswerException("'label' must be a string, not " + kind(value));
        }
        if (value.asText().isBlank()) {
            throw new InvalidAnswerException("'label' is empty");
        }
        return labels.normalise(value.asText()).orElseThrow(() -> new InvalidAnswerException(
                "label '" + value.asText() + "' is not one of: " + String.join(", ", labels.labels())));
    }

    /** Known labels only (synonyms merged), missing ones 0, renormalised; null when absent or all zero. */
    private static Map<String, Double> probabilities(ObjectNode node, LabelSet labels) {
        JsonNode value = node.get("probabilities");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidAnswerException("'probabilities' must be an object of label -> number, not " + kind(value));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        labels.labels().forEach(l -> out.put(l, 0.0));
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            double p = number(e.getValue(), "probabilities." + e.getKey());
            labels.normalise(e.getKey()).ifPresent(l -> out.merge(l, Math.max(0, p), Double::sum));
        }
        double sum = out.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0) || Double.isInfinite(sum)) {
            return null;
        }
        // Four decimals: more is noise from the renormalisation, not information.
        out.replaceAll((l, p) -> Math.round(p / sum * 10_000) / 10_000.0);
        return out;
    }

    private static double confidence(ObjectNode node, String label, Map<String, Double> probabilities) {
        JsonNode value = node.get("confidence");
        if (value == null || value.isNull()) {
            if (probabilities == null) {
                throw new InvalidAnswerException("'confidence' is missing and there are no probabilities to take it from");
            }
            return probabilities.get(label);
        }
        return Math.max(0, Math.min(1, number(value, "confidence")));
    }

    /** The label gets the confidence, the others share the rest evenly. */
    private static Map<String, Double> fromConfidence(String label, double confidence, LabelSet labels) {
        double rest = (1 - confidence) / (labels.size() - 1);
        Map<String, Double> out = new LinkedHashMap<>();
        labels.labels().forEach(l -> out.put(l, l.equals(label) ? confidence : rest));
        return out;
    }

    /** @param where the field's path prefix in messages: "" for the answer's own, "people[0]." for a person's */
    private static List<String> cueIds(ObjectNode node, String where) {
        JsonNode value = node.has("cueIds") ? node.get("cueIds") : node.get("cue_ids");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidAnswerException("'" + where + "cueIds' must be an array of strings, not " + kind(value));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : value) {
            if (!id.isTextual()) {
                throw new InvalidAnswerException("'" + where + "cueIds' must contain only strings, not " + kind(id));
            }
            // Models often copy the id with the brackets of the prompt's "[F1.expr]" notation.
            String clean = id.asText().strip().replaceAll("^\\[|]$", "").strip();
            if (!clean.isEmpty()) {
                ids.add(clean);
            }
        }
        return List.copyOf(ids);
    }

    private static String optionalText(ObjectNode node, String field) {
        return optionalText(node, field, field);
    }

    private static String optionalText(ObjectNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidAnswerException("'" + where + "' must be a string, not " + kind(value));
        }
        return value.asText().strip();
    }

    /** A JSON number, or a string holding one (small models quote numbers). */
    private static double number(JsonNode value, String where) {
        Optional<Double> parsed = Optional.empty();
        if (value.isNumber()) {
            parsed = Optional.of(value.asDouble());
        } else if (value.isTextual()) {
            try {
                parsed = Optional.of(Double.parseDouble(value.asText().strip()));
            } catch (NumberFormatException e) {
                parsed = Optional.empty();
            }
        }
        if (parsed.isEmpty() || !Double.isFinite(parsed.get())) {
            throw new InvalidAnswerException("'" + where + "' must be a number, not " + kind(value));
        }
        return parsed.get();
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + (value.asText().length() > 40 ? value.asText().substring(0, 40) + "..." : value.asText()) + "\"";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "null";
        };
    }
}
