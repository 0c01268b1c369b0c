package io.affectra.reasoning;

import io.affectra.cue.CueSet;
import java.util.List;

/**
 * A closed question for a strategy: yes/no when {@code choices} is empty, else one of the choices (answered by letter).
 *
 * @param cues       the measured evidence (empty for a knowledge question without media)
 * @param transcript what was said, or null
 * @param backend    the backend to ask (null: the default one)
 * @param settings   how to ask it
 */
public record QuestionInput(String question, List<String> choices, CueSet cues, String transcript, int faceCount, String backend,
        CallSettings settings) {

    public QuestionInput(String question, List<String> choices, CueSet cues, String transcript, int faceCount, String backend) {
        this(question, choices, cues, transcript, faceCount, backend, CallSettings.DEFAULT);
    }

    public QuestionInput {
        settings = settings == null ? CallSettings.DEFAULT : settings;
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a question is needed");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        cues = cues == null ? CueSet.EMPTY : cues;
    }

    public boolean yesNo() {
        return choices.isEmpty();
    }
}
