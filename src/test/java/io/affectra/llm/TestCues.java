package io.affectra.llm;

import io.affectra.cue.Cue;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.vocabulary.LabelSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Cues shaped like the encoders' for the tests of this package and of llm.local. */
public final class TestCues {

    private TestCues() {
    }

    /** An expression cue whose values put {@code p} on {@code label} and share the rest over the other canonical labels. */
    public static Cue expression(String subject, String label, double p) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String l : LabelSet.CANONICAL.labels()) {
            values.put(l, l.equals(label) ? p : (1 - p) / 6);
        }
        return new Cue(subject + ".expr", Modality.FACE, "face/expression", subject, "expression", label, p,
                new Region(100, 100, 120, 120), null, values);
    }

    public static Cue actionUnit(String subject, String unit, double intensity) {
        return new Cue(subject + ".au." + unit, Modality.FACE, "face/landmarks", subject, "action-unit", unit, intensity,
                new Region(100, 100, 120, 120), null, Map.of());
    }

    public static Cue prior(String subject, String label) {
        return new Cue(subject + ".prior." + label.replace(':', '_'), Modality.FACE, "face/attributes", subject, "prior", label, 0.9,
                new Region(100, 100, 120, 120), null, Map.of());
    }

    public static Cue transcript(String id, String text) {
        return new Cue(id, Modality.TEXT, "transcript", "speaker", "transcript", text, 1.0, null, null, Map.of());
    }
}
