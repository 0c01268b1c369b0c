package io.affectra.vocabulary;

import java.util.Map;

/** Synonyms that models and LLMs use for the canonical labels. */
final class CanonicalLabels {

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("happy", "happiness"), Map.entry("joy", "happiness"), Map.entry("joyful", "happiness"),
            Map.entry("sad", "sadness"), Map.entry("angry", "anger"), Map.entry("fearful", "fear"),
            Map.entry("afraid", "fear"), Map.entry("scared", "fear"), Map.entry("disgusted", "disgust"),
            Map.entry("surprised", "surprise"), Map.entry("calm", "neutral"), Map.entry("none", "neutral"));

    private CanonicalLabels() {
    }

    static String synonym(String label) {
        return SYNONYMS.get(label);
    }
}
