package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.affectra.cue.CueSet;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerParserTest {

    private static final CueSet CUES = new CueSet(List.of(
            TestCues.expression("F1", "happiness", 0.9), TestCues.actionUnit("F1", "lip_corner_pull", 0.8)));
    private static final String VALID = """
            {"label": "happiness", "confidence": 0.8,
             "probabilities": {"neutral": 0.1, "happiness": 0.8, "sadness": 0.02, "anger": 0.02, "fear": 0.02, "disgust": 0.02, "surprise": 0.02},
             "reasoning": "Smile [F1.au.lip_corner_pull] and expression [F1.expr].", "cueIds": ["F1.expr", "F1.au.lip_corner_pull"]}""";

    private final AnswerParser parser = new AnswerParser();

    private ParsedAnswer parse(String text) {
        return parser.parse(text, LabelSet.CANONICAL, CUES);
    }

    @Test
    void plainJson() {
        EmotionAnswer answer = parse(VALID).answer();

        assertThat(answer.label()).isEqualTo("happiness");
        assertThat(answer.confidence()).isEqualTo(0.8);
        assertThat(answer.probabilities()).containsKeys(LabelSet.CANONICAL.labels().toArray(String[]::new));
        assertThat(answer.reasoning()).startsWith("Smile");
        assertThat(answer.cueIds()).containsExactly("F1.expr", "F1.au.lip_corner_pull");
    }

    @Test
    void fencedJson() {
        assertThat(parse("Here you go:\n```json\n" + VALID + "\n```\n").answer().label()).isEqualTo("happiness");
        assertThat(parse("```\n" + VALID + "\n```").answer().label()).isEqualTo("happiness");
    }

    @Test
    void jsonWithProseAround() {
        assertThat(parse(VALID + "\n\nI hope this helps! {not json}").answer().label()).isEqualTo("happiness");
        assertThat(parse("Sure. Looking at the cues {F1}, the answer is: " + VALID).answer().label()).isEqualTo("happiness");
    }

    @Test
    void bracesInsideStringsDoNotEndTheObject() {
        ParsedAnswer parsed = parse("Answer: {\"label\": \"anger\", \"confidence\": 0.6, \"reasoning\": \"brows } lowered \\\" {\", \"cueIds\": []} done");

        assertThat(parsed.answer().label()).isEqualTo("anger");
        assertThat(parsed.answer().reasoning()).isEqualTo("brows } lowered \" {");
    }

    @Test
    void labelSynonymsAndCaseAreAccepted() {
        assertThat(parse("{\"label\": \"Happy\", \"confidence\": 0.7}").answer().label()).isEqualTo("happiness");
        assertThat(parse("{\"label\": \"ANGRY\", \"confidence\": 0.7}").answer().label()).isEqualTo("anger");
    }

    @Test
    void probabilitySynonymsAreMergedAndUnknownLabelsDropped() {
        EmotionAnswer answer = parse("{\"label\": \"sadness\", \"confidence\": 0.5, \"probabilities\": {\"sad\": 0.5, \"joy\": 0.25, \"boredom\": 0.25}}").answer();

        assertThat(answer.probabilities().get("sadness")).isCloseTo(2 / 3.0, within(1e-4));
        assertThat(answer.probabilities().get("happiness")).isCloseTo(1 / 3.0, within(1e-4));
        assertThat(answer.probabilities()).doesNotContainKey("boredom");
        assertThat(answer.probabilities().get("fear")).isZero();
    }

    @Test
    void labelOutsideTheSetIsRejected() {
        assertThatThrownBy(() -> parse("{\"label\": \"boredom\", \"confidence\": 0.9}"))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("'boredom' is not one of")
                .hasMessageContaining("neutral, happiness");
        LabelSet binary = new LabelSet(List.of("positive", "negative"));
        assertThatThrownBy(() -> parser.parse("{\"label\": \"happy\", \"confidence\": 0.9}", binary, CUES))
                .isInstanceOf(InvalidAnswerException.class);
    }

    @Test
    void unknownCueIdsAreReportedAndLeftOut() {
        ParsedAnswer parsed = parse("{\"label\": \"happiness\", \"confidence\": 0.9, \"cueIds\": [\"[F1.expr]\", \"F9.expr\", \"F1.expr\", \"V1.pitch\"]}");

        assertThat(parsed.answer().cueIds()).containsExactly("F1.expr");
        assertThat(parsed.unknownCueIds()).containsExactly("F9.expr", "V1.pitch");
    }

    @Test
    void peopleAreReadLikeTheAnswerAndMayBeAbsent() {
        ParsedAnswer parsed = parse("""
                {"label": "happiness", "confidence": 0.8, "reasoning": "r", "cueIds": ["F1.expr"],
                 "people": [{"id": "F1", "label": "Happy", "confidence": 1.4, "cueIds": ["[F1.expr]", "F9.expr"], "position": "center"},
                            {"id": "P2", "label": "neutral", "confidence": 0.3, "cueIds": [], "position": null}]}""");

        assertThat(parsed.answer().people()).containsExactly(
                new EmotionAnswer.Person("F1", "happiness", 1.0, List.of("F1.expr"), "centre"),
                new EmotionAnswer.Person("P2", "neutral", 0.3, List.of(), null));
        assertThat(parsed.unknownCueIds()).containsExactly("F9.expr");
        assertThat(parse(VALID).answer().people()).isEmpty();
        assertThat(parse("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": null}").answer().people()).isEmpty();
        assertThat(parse("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": [{\"id\": \"F1\", \"label\": \"anger\", "
                + "\"position\": \"upstairs\"}]}").answer().people()).singleElement()
                .isEqualTo(new EmotionAnswer.Person("F1", "anger", 0, List.of(), null));
    }

    @Test
    void probabilitiesAreRenormalisedAndMissingOnesFilledWithZero() {
        EmotionAnswer answer = parse("{\"label\": \"anger\", \"confidence\": 0.6, \"probabilities\": {\"anger\": 60, \"disgust\": 30, \"neutral\": 10}}").answer();

        assertThat(answer.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(answer.probabilities().get("anger")).isCloseTo(0.6, within(1e-9));
        assertThat(answer.probabilities().get("surprise")).isZero();
        assertThat(answer.probabilities()).hasSize(7);
    }

    @Test
    void confidenceIsClampedOrTakenFromTheProbabilities() {
        assertThat(parse("{\"label\": \"fear\", \"confidence\": 1.7}").answer().confidence()).isEqualTo(1.0);
        assertThat(parse("{\"label\": \"fear\", \"confidence\": -0.2}").answer().confidence()).isEqualTo(0.0);
        assertThat(parse("{\"label\": \"fear\", \"probabilities\": {\"fear\": 3, \"surprise\": 1}}").answer().confidence())
                .isCloseTo(0.75, within(1e-9));
    }

    @Test
    void withoutProbabilitiesOneIsBuiltFromTheConfidence() {
        EmotionAnswer answer = parse("{\"label\": \"surprise\", \"confidence\": 0.7}").answer();

        assertThat(answer.probabilities().get("surprise")).isEqualTo(0.7);
        assertThat(answer.probabilities().get("neutral")).isCloseTo(0.05, within(1e-9));
        assertThat(answer.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(answer.reasoning()).isEmpty();
        assertThat(answer.cueIds()).isEmpty();
    }

    @Test
    void wrappedAnswerIsUnwrapped() {
        assertThat(parse("{\"emotion_answer\": {\"label\": \"disgust\", \"confidence\": 0.4}}").answer().label()).isEqualTo("disgust");
    }

    static Stream<Arguments> invalidReplies() {
        return Stream.of(
                Arguments.of("", "the reply is empty"),
                Arguments.of("   \n", "the reply is empty"),
                Arguments.of("I think the person is happy.", "no JSON object"),
                Arguments.of("[1, 2]", "no JSON object"),
                Arguments.of("{\"label\": \"happiness\", \"confidence\": 0.9", "not closed"),
                Arguments.of("{\"label\": happiness}", "malformed"),
                Arguments.of("{}", "'label' is missing"),
                Arguments.of("{\"label\": 3, \"confidence\": 0.9}", "'label' must be a string, not a number"),
                Arguments.of("{\"label\": \" \", \"confidence\": 0.9}", "'label' is empty"),
                Arguments.of("{\"label\": \"anger\"}", "'confidence' is missing"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": \"high\"}", "'confidence' must be a number, not the string \"high\""),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"probabilities\": [0.5]}", "'probabilities' must be an object"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"probabilities\": {\"anger\": \"lots\"}}", "'probabilities.anger' must be a number"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"cueIds\": \"F1.expr\"}", "'cueIds' must be an array"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"cueIds\": [1]}", "'cueIds' must contain only strings"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"reasoning\": {\"a\": 1}}", "'reasoning' must be a string"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": {}}", "'people' must be an array"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": [\"F1\"]}", "'people[0]' must be an object"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": [{\"label\": \"anger\"}]}", "'people[0].id' is missing"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": [{\"id\": \"F1\", \"label\": \"bored\"}]}",
                        "people[0].label 'bored' is not one of"),
                Arguments.of("{\"label\": \"anger\", \"confidence\": 0.5, \"people\": [{\"id\": \"F1\", \"label\": \"anger\", \"cueIds\": \"F1\"}]}",
                        "'people[0].cueIds' must be an array"));
    }

    @ParameterizedTest
    @MethodSource
    void invalidReplies(String reply, String reason) {
        assertThatThrownBy(() -> parse(reply))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining(reason);
    }
}
