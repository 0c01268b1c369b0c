package io.affectra.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.prompt.context.ChatCuePromptContext;
import io.affectra.prompt.context.EmerJudgePromptContext;
import io.affectra.prompt.context.EmotionPromptContext;
import io.affectra.prompt.context.PepMekPrompts;
import io.affectra.prompt.context.PepPrompts;
import io.affectra.prompt.context.QuestionPromptContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    record Case(String template, String name, PromptContext context) {
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
                new Case("question/direct", "yes-no", new QuestionPromptContext("Is she smiling?", "yes-no", "", CUES, 1, TRANSCRIPT, SCHEMA)),
                new Case("question/direct", "choice-no-media", new QuestionPromptContext("Which is a basic emotion?", "choice", CHOICES, "", 0,
                        "", SCHEMA)),
                new Case("pep/describe", "transcript", new PepPrompts.Describe("Is she smiling?", CUES, 1, TRANSCRIPT, SCHEMA)),
                new Case("pep/describe", "no-transcript", new PepPrompts.Describe(EMOTION_QUESTION, CUES, 1, "", SCHEMA)),
                new Case("pep/answer", "emotion", new PepPrompts.Answer(EMOTION_QUESTION, "emotion", "", LABELS, DESCRIPTION, "", SCHEMA)),
                new Case("pep/answer", "yes-no", new PepPrompts.Answer("Is she smiling?", "yes-no", "", "", DESCRIPTION, TRANSCRIPT, SCHEMA)),
                new Case("pep/answer", "choice", new PepPrompts.Answer("Which emotion?", "choice", CHOICES, "", DESCRIPTION, "", SCHEMA)),
                new Case("pep/explain", "question", new PepPrompts.Explain("Is she smiling?", DESCRIPTION, INITIAL, SCHEMA)),
                new Case("pep/final", "emotion", new PepPrompts.Final(EMOTION_QUESTION, "emotion", "", LABELS, DESCRIPTION, INITIAL, EXPLANATION,
                        SCHEMA)),
                new Case("pep/final", "choice", new PepPrompts.Final("Which emotion?", "choice", CHOICES, "", DESCRIPTION, INITIAL, EXPLANATION,
                        SCHEMA)),
                new Case("pep-mek/answer", "emotion", new PepMekPrompts.Answer(EMOTION_QUESTION, "emotion", "", LABELS, CUES, 1, "", FACTS,
                        SCHEMA)),
                new Case("pep-mek/answer", "yes-no", new PepMekPrompts.Answer("Is she smiling?", "yes-no", "", "", CUES, 1, TRANSCRIPT, "",
                        SCHEMA)),
                new Case("pep-mek/answer", "choice", new PepMekPrompts.Answer("Which emotion?", "choice", CHOICES, "", CUES, 1, TRANSCRIPT,
                        FACTS, SCHEMA)),
                new Case("pep-mek/explain", "facts", new PepMekPrompts.Explain("Is she smiling?", CUES, 1, TRANSCRIPT, FACTS, INITIAL, SCHEMA)),
                new Case("pep-mek/explain", "no-facts", new PepMekPrompts.Explain(EMOTION_QUESTION, CUES, 1, "", "", INITIAL, SCHEMA)),
                new Case("pep-mek/final", "emotion", new PepMekPrompts.Final(EMOTION_QUESTION, "emotion", "", LABELS, CUES, 1, "", FACTS,
                        INITIAL, EXPLANATION, SCHEMA)),
                new Case("pep-mek/final", "yes-no", new PepMekPrompts.Final("Is she smiling?", "yes-no", "", "", CUES, 1, TRANSCRIPT, "",
                        INITIAL, EXPLANATION, SCHEMA)),
                new Case("pep-mek/final", "choice", new PepMekPrompts.Final("Which emotion?", "choice", CHOICES, "", CUES, 1, TRANSCRIPT,
                        FACTS, INITIAL, EXPLANATION, SCHEMA)),
                chat("chat/cue-context", "forwarded-measured", true, true, "image 1: face data withheld"),
                chat("chat/cue-context", "placeholder-unmeasured", false, false, ""),
                chat("chat/facial-priors", "forwarded-measured", true, true, "image 1: face data withheld"),
                chat("chat/facial-priors", "placeholder-unmeasured", false, false, ""),
                new Case("eval/emer-judge", "open", new EmerJudgePromptContext("happiness", "She smiles & laughs.", "happiness",
                        "A broad smile [F1.expr].", SCHEMA)));
    }

    private static Case emotion(String template) {
        return new Case(template, "transcript", new EmotionPromptContext(CUES, LABELS, TRANSCRIPT, SCHEMA, 1));
    }

    private static Case emotionNoTranscript(String template) {
        return new Case(template, "no-transcript", new EmotionPromptContext(CUES, LABELS, "", SCHEMA, 2));
    }

    private static Case chat(String template, String name, boolean forwarded, boolean measured, String withheld) {
        return new Case(template, name, new ChatCuePromptContext(CUES, "image 1: 1 face\naudio 2: not measured (no audio encoder)", 2, 1,
                withheld, forwarded, "image 1", measured));
    }

    @Inject
    PromptRegistry prompts;

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheSameTextAsWhenTheGoldensWereCaptured(Case c) throws IOException {
        RenderedPrompt rendered = prompts.render(c.template(), c.context());

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
