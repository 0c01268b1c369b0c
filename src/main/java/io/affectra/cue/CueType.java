package io.affectra.cue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of evidence a cue is, by the name it carries on the wire ({@code "type": "action-unit"}). */
public enum CueType {
    /** A face's expression: the label is an emotion, the values are the classifiers' probabilities. */
    EXPRESSION("expression"),
    /** A facial action unit: the label is its name ({@code lip_corner_pull}), the score its intensity. */
    ACTION_UNIT("action-unit"),
    /** A demographic prior (age, gender), never evidence for an emotion. */
    PRIOR("prior"),
    /** Words said or given: the label is the text. */
    TRANSCRIPT("transcript"),
    /** The emotion the text encoder reads in a transcript segment. */
    TEXT_EMOTION("text-emotion"),
    /** Voice activity in a segment. */
    SPEECH("speech"),
    /** How a speech segment is spoken (animated pitch, loud, ...). */
    PROSODY("prosody"),
    /** A tracked person in the frames. */
    PERSON("person"),
    /** A posture held by a person. */
    POSTURE("posture"),
    /** A gesture or micro-gesture of a person. */
    GESTURE("gesture");

    private final String wire;

    CueType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CueType of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cue type '" + wire + "'"));
    }

    /** The wire name, so that cue text and messages read as before. */
    @Override
    public String toString() {
        return wire;
    }
}
