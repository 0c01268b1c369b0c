package io.affectra.eval.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The dataset formats the runner reads (JSONL, one item per line); README shows one example line each. */
public enum DatasetFormat {
    /** VideoHallucer/EmotionHallucer yes/no pairs: {@code {"id","type","basic":{...},"hallucination":{...}}}. */
    PAIR,
    /** Multiple choice with an explanation (FSBench-Text style): question, options, answer letter. */
    CHOICE,
    /** Media or text with a gold emotion label: classification metrics. */
    LABEL,
    /** Open emotion reasoning judged on the EMER protocol against a reference. */
    OPEN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DatasetFormat of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "'; one of: pair, choice, label, open"));
    }

    /** Whether its cases are closed questions (answered through {@code Strategy.ask}). */
    public boolean closedQuestions() {
        return this == PAIR || this == CHOICE;
    }
}
