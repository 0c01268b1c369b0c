package io.affectra.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.vocabulary.LabelSet;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy's whole result on the offline {@code local} backend (answer, steps with the prompts they rendered,
 * knowledge, verification, calls), compared with the result captured in
 * {@code src/test/resources/strategy-goldens/<case>.json}: restructuring a strategy must not change what it answers.
 * Backend time is left out (it is measured, not computed).
 */
@QuarkusTest
class StrategyGoldenTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final LabelSet LABELS = LabelSet.CANONICAL;
    static final String TRANSCRIPT = "What a lovely surprise, I am so happy to see you all!";
    /** Three faces left to right, shaped like the encoders' cues but fixed, so that encoder changes do not move the goldens. */
    static final CueSet CUES = CueSet.of(List.of(
            expression("F1", "neutral", 0.7, 40), actionUnit("F1", "brow_lower", 0.3, 40), prior("F1", "age:20-29", 40),
            expression("F2", "happiness", 0.9, 200), actionUnit("F2", "lip_corner_pull", 0.6, 200), actionUnit("F2", "mouth_open", 0.4, 200),
            expression("F3", "sadness", 0.55, 360), actionUnit("F3", "lip_corner_depress", 0.5, 360),
            new Cue("T1", Modality.TEXT, "transcript", "speaker", "transcript", TRANSCRIPT, 1.0, null, null, Map.of())));

    /** @param question null for an emotion answer; choices empty for yes/no */
    record Case(String name, String strategy, String question, List<String> choices, boolean media) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("direct.emotion", "direct", null, List.of(), true),
                new Case("emo-llama.emotion", "emo-llama", null, List.of(), true),
                new Case("deemo.emotion", "deemo", null, List.of(), true),
                new Case("pep.emotion", "pep", null, List.of(), true),
                new Case("pep-mek.emotion", "pep-mek", null, List.of(), true),
                new Case("direct.yes-no", "direct", "Is the person in the middle smiling?", List.of(), true),
                new Case("pep.yes-no", "pep", "Is the person in the middle smiling?", List.of(), true),
                new Case("pep-mek.yes-no", "pep-mek", "Is the person in the middle smiling?", List.of(), true),
                new Case("pep.choice", "pep", "Which emotion does the person in the middle show?", List.of("happiness", "sadness", "anger"), true),
                new Case("pep-mek.choice", "pep-mek", "Which emotion does the person in the middle show?",
                        List.of("happiness", "sadness", "anger"), true),
                new Case("pep-mek.knowledge", "pep-mek", "Is jealousy one of Ekman's six classic basic emotions?", List.of(), false),
                new Case("pep.knowledge", "pep", "Is disgust one of Ekman's six classic basic emotions?", List.of(), false));
    }

    @Inject
    StrategyRegistry strategies;

    @ParameterizedTest
    @MethodSource("cases")
    void answersExactlyAsWhenTheGoldensWereCaptured(Case c) throws IOException {
        assertThat(result(c)).isEqualTo(golden(c));
    }

    String result(Case c) throws IOException {
        Strategy strategy = strategies.get(c.strategy());
        CueSet cues = c.media() ? CUES : CueSet.EMPTY;
        String transcript = c.media() ? TRANSCRIPT : null;
        int faces = c.media() ? 3 : 0;
        Object result = c.question() == null
                ? strategy.run(new StrategyInput(cues, transcript, LABELS, "local", faces))
                : strategy.ask(new QuestionInput(c.question(), c.choices(), cues, transcript, faces, "local"));
        JsonNode tree = JSON.valueToTree(result);
        withoutBackendTime(tree);
        return JSON.writeValueAsString(tree) + "\n";
    }

    private static Cue expression(String face, String label, double p, double x) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String l : LabelSet.CANONICAL.labels()) {
            values.put(l, l.equals(label) ? p : (1 - p) / 6);
        }
        return new Cue(face + ".expr", Modality.FACE, "face/expression", face, "expression", label, p, new Region(x, 100, 100, 120), null,
                values);
    }

    private static Cue actionUnit(String face, String unit, double intensity, double x) {
        return new Cue(face + ".au." + unit, Modality.FACE, "face/landmarks", face, "action-unit", unit, intensity,
                new Region(x, 100, 100, 120), null, Map.of());
    }

    private static Cue prior(String face, String label, double x) {
        return new Cue(face + ".prior." + label.replace(':', '_'), Modality.FACE, "face/attributes", face, "prior", label, 0.9,
                new Region(x, 100, 100, 120), null, Map.of());
    }

    private static void withoutBackendTime(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("backendMillis");
        }
        node.forEach(StrategyGoldenTest::withoutBackendTime);
    }

    static String golden(Case c) throws IOException {
        String resource = "strategy-goldens/" + c.name() + ".json";
        try (InputStream in = StrategyGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
