package io.affectra.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.StepSchemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a JSONL dataset in one of the {@link DatasetFormat}s into cases, checking every line and naming the line of the
 * first problem. Field names follow the public shapes so that sets in those shapes run unchanged: VideoHallucer's
 * {@code basic}/{@code hallucination} objects (media under {@code media}, {@code video}, {@code image} or {@code audio});
 * choice items with {@code options} or {@code choices} as a list or an {@code {"A": ...}} object and {@code answer} as a
 * letter, an index or the option's text. Blank lines and lines starting with {@code //} are skipped.
 */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEDIA_FIELDS = List.of("media", "video", "image", "audio");
    private static final List<String> TEXT_FIELDS = List.of("text", "transcript", "context");

    private DatasetReader() {
    }

    public static Dataset read(String jsonl, DatasetFormat format) {
        List<EvalCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        String[] lines = jsonl.replace("\r\n", "\n").split("\n");
        int items = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            JsonNode item;
            try {
                item = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw InvalidDatasetException.at(number, "not JSON: " + e.getOriginalMessage());
            }
            if (!item.isObject()) {
                throw InvalidDatasetException.at(number, "each line must be one JSON object");
            }
            String id = text(item, "id");
            if (id == null) {
                id = "line-" + number;
            }
            if (!ids.add(id)) {
                throw InvalidDatasetException.at(number, "duplicate id '" + id + "'");
            }
            items++;
            switch (format) {
                case PAIR -> pair(item, id, number, cases);
                case CHOICE -> cases.add(choice(item, id, number, cases.size()));
                case LABEL, OPEN -> {
                    EvalCase c = labelled(item, id, number, format, cases.size());
                    labels.add(c.expected());
                    cases.add(c);
                }
            }
        }
        if (cases.isEmpty()) {
            throw new InvalidDatasetException("the dataset has no items");
        }
        return new Dataset(format, cases, items, new ArrayList<>(labels));
    }

    private static void pair(JsonNode item, String id, int line, List<EvalCase> out) {
        String category = text(item, "category");
        if (category == null) {
            category = text(item, "type");
        }
        String subcategory = text(item, "subcategory");
        String topMedia = first(item, MEDIA_FIELDS);
        String topText = first(item, TEXT_FIELDS);
        for (String role : List.of("basic", "hallucination")) {
            JsonNode q = item.get(role);
            if (q == null || !q.isObject()) {
                throw InvalidDatasetException.at(line, "a pair needs a '" + role + "' object with 'question' and 'answer'");
            }
            String question = text(q, "question");
            if (question == null) {
                throw InvalidDatasetException.at(line, "'" + role + ".question' is missing");
            }
            String answer = text(q, "answer");
            String expected = answer == null ? null : answer.strip().toLowerCase(Locale.ROOT);
            if (!"yes".equals(expected) && !"no".equals(expected)) {
                throw InvalidDatasetException.at(line, "'" + role + ".answer' must be yes or no, not " + (answer == null ? "missing" : "'" + answer + "'"));
            }
            String media = first(q, MEDIA_FIELDS);
            String context = first(q, TEXT_FIELDS);
            out.add(new EvalCase(id + "#" + role, out.size(), id, role, category, subcategory, question, List.of(), expected,
                    media != null ? media : topMedia, context != null ? context : topText, null));
        }
    }

    private static EvalCase choice(JsonNode item, String id, int line, int seq) {
        String question = text(item, "question");
        if (question == null) {
            throw InvalidDatasetException.at(line, "'question' is missing");
        }
        JsonNode options = item.has("options") ? item.get("options") : item.get("choices");
        List<String> choices = new ArrayList<>();
        if (options != null && options.isArray()) {
            options.forEach(o -> choices.add(o.asText()));
        } else if (options != null && options.isObject()) {
            List<String> letters = StepSchemas.letters(options.size());
            for (String letter : letters) {
                JsonNode o = options.get(letter);
                if (o == null) {
                    throw InvalidDatasetException.at(line, "'options' as an object must have keys A, B, C, ... in order");
                }
                choices.add(o.asText());
            }
        }
        if (choices.size() < 2 || choices.size() > 26) {
            throw InvalidDatasetException.at(line, "'options' must list 2 to 26 choices");
        }
        String expected = answerLetter(item.get("answer"), choices);
        if (expected == null) {
            throw InvalidDatasetException.at(line, "'answer' must be a letter, a 0-based index or the text of one option");
        }
        return new EvalCase(id, seq, id, null, text(item, "category"), text(item, "subcategory"), question, choices, expected,
                first(item, MEDIA_FIELDS), first(item, TEXT_FIELDS), text(item, "explanation"));
    }

    private static String answerLetter(JsonNode answer, List<String> choices) {
        List<String> letters = StepSchemas.letters(choices.size());
        if (answer == null || answer.isNull()) {
            return null;
        }
        if (answer.isInt()) {
            int i = answer.asInt();
            return i >= 0 && i < choices.size() ? letters.get(i) : null;
        }
        String a = answer.asText().strip();
        String upper = a.toUpperCase(Locale.ROOT).replaceAll("^\\(|[).]$", "");
        if (letters.contains(upper)) {
            return upper;
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).strip().equalsIgnoreCase(a)) {
                return letters.get(i);
            }
        }
        return null;
    }

    private static EvalCase labelled(JsonNode item, String id, int line, DatasetFormat format, int seq) {
        String label = text(item, "label");
        if (label == null) {
            label = text(item, "emotion");
        }
        if (label == null) {
            throw InvalidDatasetException.at(line, "'label' (the gold emotion) is missing");
        }
        String media = first(item, MEDIA_FIELDS);
        String text = first(item, TEXT_FIELDS);
        if (media == null && text == null) {
            throw InvalidDatasetException.at(line, "an item needs 'media' or 'text' (or both)");
        }
        String reference = null;
        if (format == DatasetFormat.OPEN) {
            reference = text(item, "reasoning");
            JsonNode clues = item.get("clues");
            if (reference == null && clues != null && clues.isArray() && !clues.isEmpty()) {
                List<String> parts = new ArrayList<>();
                clues.forEach(c -> parts.add(c.asText()));
                reference = String.join("; ", parts);
            }
            if (reference == null) {
                throw InvalidDatasetException.at(line, "an open item needs the reference 'reasoning' or 'clues'");
            }
        }
        return new EvalCase(id, seq, id, null, text(item, "category"), text(item, "subcategory"), null, List.of(),
                label.strip().toLowerCase(Locale.ROOT), media, text, reference);
    }

    private static String first(JsonNode node, List<String> fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }
}
