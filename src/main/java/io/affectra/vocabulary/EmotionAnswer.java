package io.affectra.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structured, grounded emotion answer.
 *
 * @param label         one label of the request's label set
 * @param confidence    the answerer's confidence in the label, in [0, 1]
 * @param probabilities a distribution over the label set (sums to 1 after normalisation)
 * @param reasoning     a short explanation that cites cue ids
 * @param cueIds        the cues the answer rests on; every one exists in the analysis's cue set
 */
public record EmotionAnswer(
        String label,
        double confidence,
        Map<String, Double> probabilities,
        String reasoning,
        List<String> cueIds) {

    public EmotionAnswer {
        probabilities = probabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        cueIds = cueIds == null ? List.of() : List.copyOf(cueIds);
    }
}
