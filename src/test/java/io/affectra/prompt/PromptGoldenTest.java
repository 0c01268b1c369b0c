package io.affectra.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped template rendered with fixed inputs, compared with the text it rendered when the goldens were captured
 * ({@code src/test/resources/prompt-goldens/<task>/<variant>.<case>.txt}): a change to how prompts are rendered
 * must not change what a backend reads.
 */
@QuarkusTest
class PromptGoldenTest {

    static final String CUES = "[F1.expr] face F1 expression happiness 0.81 (neutral 0.12, surprise 0.04)\n"
            + "[F1.au.lip_corner_pull] face F1 action-unit lip_corner_pull 0.66\n"
            + "[T1] text speaker \"Tom & Jerry <3\" (0.0-2.5 s)";
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"label\":{\"enum\":[\"neutral\",\"happiness\"]}},\"required\":[\"label\"]}";
    static final String LABELS = "neutral, happiness, sadness";
    static final String EMOTION_QUESTION = "Which emotion is expressed? Choose one label from: neutral, happiness, sadness.";
    static final String TRANSCRIPT = "Tom & Jerry <3";
    static final String FACTS = "[k001] (basic-emotions; similarity 0.71) Ekman named six basic emotions. (Ekman 1992)\n"
            + "[k012] (facs; similarity 0.55) AU12 pulls the lip corners. (FACS manual)";
    static final String CHOICES = "A) happiness\nB) sadness";
    static final String DESCRIPTION = "One woman; she smiles broadly.";
    static final String INITIAL = "{\"answer\":\"yes\",\"reasoning\":\"[F1.expr]\"}";
    static final String EXPLANATION = "{\"claims\":[],\"conclusion\":\"stands\"}";

    record Case(String template, String name, Map<String, Object> variables) {
        @Override
        public String toString() {
            return template + "." + name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                emotion("emotion/direct"), emotionNoTranscript("emotion/direct"),
                emotion("emotion/emo-llama"), emotionNoTranscript("emotion/emo-llama"),
                emotion("emotion/deemo"), emotionNoTranscript("emotion/deemo"),
                new Case("question/direct", "yes-no", Map.of("question", "Is she smiling?", "answerKind", "yes-no", "choices", "",
                        "cues", CUES, "faceCount", 1, "transcript", TRANSCRIPT, "schema", SCHEMA)),
                new Case("question/direct", "choice-no-media", Map.of("question", "Which is a basic emotion?", "answerKind", "choice",
                        "choices", CHOICES, "cues", "", "faceCount", 0, "transcript", "", "schema", SCHEMA)),
                new Case("pep/describe", "transcript", Map.of("question", "Is she smiling?", "cues", CUES, "faceCount", 1,
                        "transcript", TRANSCRIPT, "schema", SCHEMA)),
                new Case("pep/describe", "no-transcript", Map.of("question", EMOTION_QUESTION, "cues", CUES, "faceCount", 1,
                        "transcript", "", "schema", SCHEMA)),
                new Case("pep/answer", "emotion", Map.of("question", EMOTION_QUESTION, "answerKind", "emotion", "choices", "",
                        "labels", LABELS, "description", DESCRIPTION, "transcript", "", "schema", SCHEMA)),
                new Case("pep/answer", "yes-no", Map.of("question", "Is she smiling?", "answerKind", "yes-no", "choices", "",
                        "labels", "", "description", DESCRIPTION, "transcript", TRANSCRIPT, "schema", SCHEMA)),
                new Case("pep/answer", "choice", Map.of("question", "Which emotion?", "answerKind", "choice", "choices", CHOICES,
                        "labels", "", "description", DESCRIPTION, "transcript", "", "schema", SCHEMA)),
                new Case("pep/explain", "question", Map.of("question", "Is she smiling?", "description", DESCRIPTION,
                        "initial", INITIAL, "schema", SCHEMA)),
                new Case("pep/final", "emotion", Map.of("question", EMOTION_QUESTION, "answerKind", "emotion", "choices", "",
                        "labels", LABELS, "description", DESCRIPTION, "initial", INITIAL, "explanation", EXPLANATION, "schema", SCHEMA)),
                new Case("pep/final", "choice", Map.of("question", "Which emotion?", "answerKind", "choice", "choices", CHOICES,
                        "labels", "", "description", DESCRIPTION, "initial", INITIAL, "explanation", EXPLANATION, "schema", SCHEMA)),
                mek("pep-mek/answer", "emotion", "emotion", EMOTION_QUESTION, "", LABELS, FACTS, ""),
                mek("pep-mek/answer", "yes-no", "yes-no", "Is she smiling?", "", "", "", TRANSCRIPT),
                mek("pep-mek/answer", "choice", "choice", "Which emotion?", CHOICES, "", FACTS, TRANSCRIPT),
                new Case("pep-mek/explain", "facts", Map.of("question", "Is she smiling?", "cues", CUES, "faceCount", 1,
                        "transcript", TRANSCRIPT, "facts", FACTS, "initial", INITIAL, "schema", SCHEMA)),
                new Case("pep-mek/explain", "no-facts", Map.of("question", EMOTION_QUESTION, "cues", CUES, "faceCount", 1,
                        "transcript", "", "facts", "", "initial", INITIAL, "schema", SCHEMA)),
                mekFinal("emotion", "emotion", EMOTION_QUESTION, "", LABELS, FACTS, ""),
                mekFinal("yes-no", "yes-no", "Is she smiling?", "", "", "", TRANSCRIPT),
                mekFinal("choice", "choice", "Which emotion?", CHOICES, "", FACTS, TRANSCRIPT),
                chat("chat/cue-context", "forwarded-measured", true, true, "image 1: face data withheld"),
                chat("chat/cue-context", "placeholder-unmeasured", false, false, ""),
                chat("chat/facial-priors", "forwarded-measured", true, true, "image 1: face data withheld"),
                chat("chat/facial-priors", "placeholder-unmeasured", false, false, ""),
                new Case("eval/emer-judge", "open", Map.of("referenceLabel", "happiness", "referenceReasoning",
                        "She smiles & laughs.", "label", "happiness", "reasoning", "A broad smile [F1.expr].", "schema", SCHEMA)));
    }

    private static Case emotion(String template) {
        return new Case(template, "transcript", Map.of("cues", CUES, "labels", LABELS, "transcript", TRANSCRIPT, "schema", SCHEMA,
                "faceCount", 1));
    }

    private static Case emotionNoTranscript(String template) {
        return new Case(template, "no-transcript", Map.of("cues", CUES, "labels", LABELS, "transcript", "", "schema", SCHEMA,
                "faceCount", 2));
    }

    private static Case mek(String template, String name, String kind, String question, String choices, String labels, String facts,
            String transcript) {
        Map<String, Object> v = new HashMap<>(Map.of("question", question, "answerKind", kind, "choices", choices, "labels", labels,
                "cues", CUES, "faceCount", 1, "transcript", transcript, "facts", facts, "schema", SCHEMA));
        return new Case(template, name, v);
    }

    private static Case mekFinal(String name, String kind, String question, String choices, String labels, String facts,
            String transcript) {
        Map<String, Object> v = new HashMap<>(mek("pep-mek/final", name, kind, question, choices, labels, facts, transcript).variables());
        v.put("initial", INITIAL);
        v.put("explanation", EXPLANATION);
        return new Case("pep-mek/final", name, v);
    }

    private static Case chat(String template, String name, boolean forwarded, boolean measured, String withheld) {
        return new Case(template, name, Map.of("cues", CUES, "media", "image 1: 1 face\naudio 2: not measured (no audio encoder)",
                "mediaCount", 2, "faceCount", 1, "withheld", withheld, "forwarded", forwarded, "part", "image 1", "measured", measured));
    }

    @Inject
    PromptRegistry prompts;

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheSameTextAsWhenTheGoldensWereCaptured(Case c) throws IOException {
        RenderedPrompt rendered = prompts.render(c.template(), c.variables());

        assertThat(rendered.template().id()).isEqualTo(c.template());
        assertThat("[system]\n" + rendered.system() + "\n[user]\n" + rendered.user()).isEqualTo(golden(c));
    }

    static String golden(Case c) throws IOException {
        String resource = "prompt-goldens/" + c.template() + "." + c.name() + ".txt";
        try (InputStream in = PromptGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyShippedTemplateHasGoldenCases() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            shipped = files.filter(Files::isRegularFile).map(f -> Path.of("prompts").relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(0, f.length() - ".md".length())).sorted().toList();
        }
        assertThat(cases().map(Case::template).distinct().sorted().toList()).isEqualTo(shipped);
    }
}
