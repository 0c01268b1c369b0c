package io.affectra.encoder.face;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns face reports into cues: one expression cue per face, its salient action-unit proxies, and its
 * priors. Weak action units are left out of the prompt (they stay in the face report) to keep it short.
 */
public final class FaceCues {

    /** Action-unit proxies below this intensity are not worth a prompt line. */
    static final double SALIENT_AU = 0.25;

    private FaceCues() {
    }

    public static List<Cue> of(List<FaceReport> faces, TimeSpan span) {
        List<Cue> cues = new ArrayList<>();
        for (FaceReport face : faces) {
            cues.add(new Cue(face.id() + ".expr", Modality.FACE, "emotion+face_expression", face.id(), CueType.EXPRESSION,
                    face.expression().label(), face.expression().score(), face.box(), span, face.expression().probabilities()));
            for (ActionUnit unit : face.actionUnits()) {
                if (unit.intensity() >= SALIENT_AU) {
                    cues.add(new Cue(face.id() + ".au." + unit.name(), Modality.FACE, "facemesh-geometry", face.id(), CueType.ACTION_UNIT,
                            unit.name(), unit.intensity(), face.box(), span, Map.of("raw", unit.raw())));
                }
            }
            if (face.priors() != null) {
                FaceReport.Priors p = face.priors();
                cues.add(new Cue(face.id() + ".prior.gender", Modality.FACE, p.genderSource(), face.id(), CueType.PRIOR,
                        "gender:" + p.gender(), p.genderScore(), face.box(), span, Map.of()));
                if (p.age() != null) {
                    cues.add(new Cue(face.id() + ".prior.age", Modality.FACE, p.genderSource(), face.id(), CueType.PRIOR,
                            "age:" + Math.round(p.age()), 1.0, face.box(), span, Map.of("years", p.age())));
                }
            }
        }
        return cues;
    }
}
