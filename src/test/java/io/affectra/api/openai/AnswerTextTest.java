package io.affectra.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.vocabulary.EmotionAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assistant message of answer mode without response_format: label first, then the reasoning, then who reads how. */
class AnswerTextTest {

    private static final List<EmotionAnswer.Person> PEOPLE = List.of(
            new EmotionAnswer.Person("F1", "happiness", 0.91, List.of("F1.expr"), "left"),
            new EmotionAnswer.Person("P2", "neutral", 0.4, List.of(), null));

    @Test
    void peopleTheReasoningDoesNotMentionAreListed() {
        String text = AnswerCompletions.text(new EmotionAnswer("happiness", 0.8, Map.of("happiness", 0.8, "neutral", 0.2),
                "Broad smiles [F1.expr].", List.of("F1.expr"), PEOPLE));

        assertThat(text).isEqualTo("happiness (confidence 0.80)\nBroad smiles [F1.expr].\nPeople: F1 (left) happiness 0.91; P2 neutral 0.40"
                + "\nProbabilities: happiness 0.80, neutral 0.20\nCues: F1.expr");
    }

    @Test
    void aReasoningThatGoesThroughThePeopleIsNotRepeated() {
        String reasoning = "Offline: F1, on the left: clearly happy (0.91) [F1.expr].\nP2: hard to read (0.40).";
        String partly = "Offline: F1, on the left: clearly happy (0.91) [F1.expr]; the other one [P2.body] is hard to read.";

        assertThat(AnswerCompletions.text(new EmotionAnswer("happiness", 0.8, Map.of(), reasoning, List.of(), PEOPLE)))
                .isEqualTo("happiness (confidence 0.80)\n" + reasoning);
        assertThat(AnswerCompletions.text(new EmotionAnswer("happiness", 0.8, Map.of(), partly, List.of(), PEOPLE)))
                .isEqualTo("happiness (confidence 0.80)\n" + partly + "\nPeople: P2 neutral 0.40");
    }
}
