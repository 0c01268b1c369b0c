package io.affectra.encoder;

import io.affectra.cue.Cue;
import io.affectra.encoder.body.BodyReport;
import io.affectra.encoder.face.FaceReport;
import java.util.List;
import java.util.Map;

/**
 * What one {@link StillCueEncoder} found in a still.
 *
 * @param faces    face reports behind the cues, for the analyse endpoint's {@code faces} (face encoders only)
 * @param bodies   people with their pose and hands, for the analyse endpoint's {@code bodies} (body encoders only)
 * @param warnings what the client should know (a model that was asked for but is not enabled)
 * @param timings  milliseconds per stage, named as the analyse endpoint reports them
 */
public record StillCues(List<Cue> cues, List<FaceReport> faces, List<BodyReport> bodies, List<String> warnings, Map<String, Double> timings) {

    public static final StillCues NONE = new StillCues(List.of(), List.of(), List.of(), List.of(), Map.of());

    public StillCues {
        cues = List.copyOf(cues);
        faces = List.copyOf(faces);
        bodies = List.copyOf(bodies);
        warnings = List.copyOf(warnings);
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }

    public static StillCues of(List<Cue> cues, Map<String, Double> timings) {
        return new StillCues(cues, List.of(), List.of(), List.of(), timings);
    }
}
