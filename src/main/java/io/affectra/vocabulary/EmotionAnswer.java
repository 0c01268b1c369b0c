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
 * @param people        a reading per person found, when the answerer gives them (the offline reasoner does; an LLM may
 *                      leave them out); empty otherwise, and in answers stored before there were any
 */
public record EmotionAnswer(
        String label,
        double confidence,
        Map<String, Double> probabilities,
        String reasoning,
        List<String> cueIds,
        List<Person> people) {

    public EmotionAnswer {
        probabilities = probabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        cueIds = cueIds == null ? List.of() : List.copyOf(cueIds);
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** An answer without per-person readings. */
    public EmotionAnswer(String label, double confidence, Map<String, Double> probabilities, String reasoning, List<String> cueIds) {
        this(label, confidence, probabilities, reasoning, cueIds, List.of());
    }

    /** The same answer citing other cues (its people kept). */
    public EmotionAnswer withCueIds(List<String> ids) {
        return new EmotionAnswer(label, confidence, probabilities, reasoning, ids, people);
    }

    /**
     * One person's reading.
     *
     * @param id         the face ({@code F1}) or, for someone seen without a face, the body ({@code P2}) the reading is about
     * @param label      one label of the request's label set
     * @param confidence in [0, 1]
     * @param cueIds     the cues this reading rests on; every one exists in the analysis's cue set
     * @param position   {@code left}, {@code centre} or {@code right} among the people found, or null where it cannot be
     *                   told (one person, no boxes)
     */
    public record Person(String id, String label, double confidence, List<String> cueIds, String position) {

        public Person {
            cueIds = cueIds == null ? List.of() : List.copyOf(cueIds);
        }
    }
}
