package io.affectra.cue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One piece of timed, typed, scored evidence from an encoder.
 *
 * @param id       stable within an analysis (e.g. {@code F1.expr}); answers cite it
 * @param modality the evidence channel
 * @param source   the encoder (and model) that produced it
 * @param subject  the face or person it is about ({@code F1}, {@code P2}), or {@code scene}
 * @param type     what kind of evidence: expression, action unit, prior, transcript, ...
 * @param label    the evidence's value (an emotion label, an action-unit name, a prior value)
 * @param score    confidence or intensity in [0, 1]
 * @param region   where in the frame, or null
 * @param span     when in the media
 * @param values   named numbers behind the label (per-label probabilities, raw geometry), possibly empty
 */
public record Cue(
        String id,
        Modality modality,
        String source,
        String subject,
        CueType type,
        String label,
        double score,
        Region region,
        TimeSpan span,
        Map<String, Double> values) {

    public Cue {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        span = span == null ? TimeSpan.STILL : span;
    }

    /** A cue whose type is given by its wire name ({@code "transcript"}). */
    public Cue(String id, Modality modality, String source, String subject, String type, String label, double score, Region region,
            TimeSpan span, Map<String, Double> values) {
        this(id, modality, source, subject, CueType.of(type), label, score, region, span, values);
    }
}
