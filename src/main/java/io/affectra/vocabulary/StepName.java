package io.affectra.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The steps a strategy takes (and the evaluation judge), by the name they carry on the wire. */
public enum StepName {
    /** Emotion knowledge retrieved from the knowledge base (PEP-MEK); no backend call. */
    KNOWLEDGE("knowledge"),
    /** The backend describes the evidence in its own words (Self-PEP). */
    DESCRIBE("describe"),
    /** The (first) answer. */
    ANSWER("answer"),
    /** The first answer explained and each claim checked. */
    EXPLAIN("explain"),
    /** The answer again, given the first one and its check. */
    FINAL("final"),
    /** An open answer judged against a reference (evaluations, EMER protocol). */
    JUDGE("judge");

    private final String wire;

    StepName(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static StepName of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step '" + wire + "'"));
    }

    @Override
    public String toString() {
        return wire;
    }
}
