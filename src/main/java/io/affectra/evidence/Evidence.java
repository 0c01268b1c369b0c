package io.affectra.evidence;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.encoder.body.BodyReport;
import io.affectra.encoder.face.FaceReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the encoders found in one still or clip: the same for every surface that reads the same media with the same
 * options ({@link #key}).
 *
 * @param cues     in encoder order; a windowed clip's ids carry their window ({@code W2.V1})
 * @param faces    a still's face reports (empty for clips and in de-identified mode)
 * @param bodies   a still's people with pose keypoints and hands (empty for clips)
 * @param timeline a clip's tracks, voice and transcript segments; null for a still
 * @param warnings what the client should know
 * @param withheld what was not computed for privacy, one line per encoder
 * @param timings  milliseconds per stage
 * @param provisional something that could be measured failed for a passing reason (a transcription backend was down):
 *                 whoever remembers evidence by its key should not keep this one
 */
public record Evidence(EvidenceKey key, MediaInfo media, List<Cue> cues, List<FaceReport> faces, List<BodyReport> bodies, Timeline timeline,
        List<String> warnings, List<String> withheld, Map<String, Double> timings, boolean provisional) {

    public Evidence {
        cues = List.copyOf(cues);
        faces = List.copyOf(faces);
        bodies = List.copyOf(bodies);
        warnings = List.copyOf(warnings);
        withheld = List.copyOf(withheld);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /** Faces the cues are about: one expression cue per face on a still, per face track over a whole clip. */
    public int faceCount() {
        return (int) cues.stream().filter(c -> c.type() == CueType.EXPRESSION).count();
    }
}
