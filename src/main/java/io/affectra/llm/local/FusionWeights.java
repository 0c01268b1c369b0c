package io.affectra.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.CueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cue-fusion reasoner's weights, read from {@code reasoning/fusion/weights.json} (data kept in the repository's
 * top-level {@code reasoning/} folder and packaged on the classpath). See that file's {@code formula}.
 *
 * @param actionUnits per action-unit cue label (e.g. {@code lip_corner_pull}), its weight per emotion label
 * @param lexicon     per emotion label, the lowercase words that count as a hit for it
 * @param cueLabels   per cue type (prosody, gesture, posture, ...), per cue label, its weight per emotion label
 */
public record FusionWeights(
        String version,
        String formula,
        double temperature,
        Map<String, Double> bias,
        double expressionWeight,
        Map<String, Map<String, Double>> actionUnits,
        double textWeight,
        int maxTextHits,
        int negationWindow,
        Set<String> negators,
        Map<String, Set<String>> lexicon,
        Map<CueType, Map<String, Map<String, Double>>> cueLabels) {

    public static final String RESOURCE = "reasoning/fusion/weights.json";

    public FusionWeights {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
        if (maxTextHits < 1 || negationWindow < 0) {
            throw new IllegalArgumentException("text.max_hits must be >= 1 and text.negation_window >= 0");
        }
        bias = Collections.unmodifiableMap(new LinkedHashMap<>(bias));
        Map<String, Map<String, Double>> au = new LinkedHashMap<>();
        actionUnits.forEach((k, v) -> au.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        actionUnits = Collections.unmodifiableMap(au);
        negators = Collections.unmodifiableSet(new LinkedHashSet<>(negators));
        Map<String, Set<String>> lex = new LinkedHashMap<>();
        lexicon.forEach((k, v) -> lex.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        lexicon = Collections.unmodifiableMap(lex);
        Map<CueType, Map<String, Map<String, Double>>> typed = new LinkedHashMap<>();
        (cueLabels == null ? Map.<CueType, Map<String, Map<String, Double>>>of() : cueLabels).forEach((type, table) -> {
            Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
            table.forEach((label, w) -> copy.put(label, Collections.unmodifiableMap(new LinkedHashMap<>(w))));
            typed.put(type, Collections.unmodifiableMap(copy));
        });
        cueLabels = Collections.unmodifiableMap(typed);
    }

    /** Loads the packaged weights; fails loudly because a server without them would answer nonsense. */
    public static FusionWeights load() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        InputStream in = tccl == null ? null : tccl.getResourceAsStream(RESOURCE);
        if (in == null) {
            in = FusionWeights.class.getClassLoader().getResourceAsStream(RESOURCE);
        }
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (InputStream stream = in) {
            return parse(new ObjectMapper().readTree(stream));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static FusionWeights parse(JsonNode root) {
        JsonNode text = required(root, "text");
        Map<String, Map<String, Double>> actionUnits = new LinkedHashMap<>();
        required(root, "action_units").properties().forEach(e ->
                actionUnits.put(e.getKey(), numbers(required(e.getValue(), "weights"), "action_units." + e.getKey() + ".weights")));
        Map<String, Set<String>> lexicon = new LinkedHashMap<>();
        required(text, "lexicon").properties().forEach(e -> lexicon.put(e.getKey(), new LinkedHashSet<>(words(e.getValue()))));
        Map<CueType, Map<String, Map<String, Double>>> cueLabels = new LinkedHashMap<>();
        JsonNode typed = root.get("cue_labels");
        if (typed != null && typed.isObject()) {
            typed.properties().forEach(t -> {
                if (t.getValue().isObject()) {
                    Map<String, Map<String, Double>> table = new LinkedHashMap<>();
                    t.getValue().properties().forEach(l -> {
                        if (l.getValue().isObject()) {
                            table.put(l.getKey(), numbers(l.getValue(), "cue_labels." + t.getKey() + "." + l.getKey()));
                        }
                    });
                    cueLabels.put(cueType(t.getKey()), table);
                }
            });
        }
        return new FusionWeights(
                required(root, "version").asText(),
                required(root, "formula").asText(),
                number(required(root, "temperature"), "temperature"),
                numbers(required(root, "bias"), "bias"),
                number(required(required(root, "expression"), "weight"), "expression.weight"),
                actionUnits,
                number(required(text, "weight"), "text.weight"),
                required(text, "max_hits").asInt(),
                required(text, "negation_window").asInt(),
                new LinkedHashSet<>(words(required(text, "negators"))),
                lexicon,
                cueLabels);
    }

    public double bias(String label) {
        return bias.getOrDefault(label, 0.0);
    }

    private static CueType cueType(String wire) {
        try {
            return CueType.of(wire);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": 'cue_labels." + wire + "' names no cue type", e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + ": missing '" + field + "'");
        }
        return value;
    }

    private static double number(JsonNode node, String where) {
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new IllegalStateException(RESOURCE + ": '" + where + "' must be a finite number");
        }
        return node.asDouble();
    }

    private static Map<String, Double> numbers(JsonNode node, String where) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), number(e.getValue(), where + "." + e.getKey())));
        return out;
    }

    private static List<String> words(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(w -> out.add(w.asText().toLowerCase(Locale.ROOT)));
        return out;
    }
}
