package io.affectra.reasoning;

import io.affectra.llm.StepSchemas;
import io.affectra.vocabulary.LabelSet;
import java.util.List;

/**
 * What a step is asked and how it may answer, as prompts show it.
 *
 * @param kind    {@code emotion}, {@code yes-no} or {@code choice}
 * @param choices the lettered options, one per line ({@code A) ...}); empty unless the kind is {@code choice}
 * @param labels  the label set, comma-separated; empty unless the kind is {@code emotion}
 */
public record AnswerSpace(String question, String kind, String choices, String labels) {

    /** Which emotion is expressed, as one label of the set. */
    public static AnswerSpace emotion(LabelSet labels) {
        String list = String.join(", ", labels.labels());
        return new AnswerSpace("Which emotion is expressed? Choose one label from: " + list + ".", "emotion", "", list);
    }

    /** A closed question: yes/no when there are no choices, else one of the lettered choices. */
    public static AnswerSpace question(String question, List<String> choices) {
        List<String> letters = StepSchemas.letters(choices.size());
        StringBuilder lettered = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            lettered.append(i == 0 ? "" : "\n").append(letters.get(i)).append(") ").append(choices.get(i));
        }
        return new AnswerSpace(question, choices.isEmpty() ? "yes-no" : "choice", lettered.toString(), "");
    }
}
