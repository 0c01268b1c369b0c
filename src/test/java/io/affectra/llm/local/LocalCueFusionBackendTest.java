package io.affectra.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.llm.AnswerParser;
import io.affectra.llm.AnswerSchema;
import io.affectra.llm.BackendReply;
import io.affectra.llm.ParsedAnswer;
import io.affectra.llm.PromptMessage;
import io.affectra.llm.TestCues;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalCueFusionBackendTest {

    private static final FusionWeights WEIGHTS = FusionWeights.load();

    private final LocalCueFusionBackend backend = new LocalCueFusionBackend("local", WEIGHTS);
    private final AnswerParser parser = new AnswerParser();

    private BackendReply reply(LabelSet labels, Cue... cues) {
        return backend.complete(AnswerSchema.request(List.of(PromptMessage.user("ignored by the local backend")), new CueSet(List.of(cues)), labels));
    }

    private ParsedAnswer answer(Cue... cues) {
        CueSet set = new CueSet(List.of(cues));
        return parser.parse(reply(LabelSet.CANONICAL, cues).text(), LabelSet.CANONICAL, set);
    }

    @Test
    void weightsAreLoadedFromTheClasspath() {
        assertThat(WEIGHTS.version()).isNotBlank();
        assertThat(WEIGHTS.formula()).contains("softmax");
        assertThat(WEIGHTS.actionUnits()).containsKeys("brow_raise", "brow_lower", "eye_open", "lip_corner_pull",
                "lip_corner_depress", "mouth_open", "lip_press");
        assertThat(WEIGHTS.lexicon().get("happiness")).contains("happy");
        assertThat(WEIGHTS.negators()).contains("not", "no", "never");
        assertThat(backend.model()).contains(WEIGHTS.version());
    }

    @Test
    void happyFaceGivesHappinessCitingItsCues() {
        ParsedAnswer parsed = answer(TestCues.expression("F1", "happiness", 0.9), TestCues.actionUnit("F1", "lip_corner_pull", 0.8),
                TestCues.prior("F1", "gender:female"));
        EmotionAnswer answer = parsed.answer();

        assertThat(answer.label()).isEqualTo("happiness");
        assertThat(answer.confidence()).isGreaterThan(0.8);
        assertThat(answer.reasoning()).startsWith("Offline cue-fusion reasoner (not an LLM): ")
                .contains("[F1.expr]").contains("[F1.au.lip_corner_pull]").doesNotContain("prior");
        assertThat(answer.cueIds()).containsExactly("F1.expr", "F1.au.lip_corner_pull");
        assertThat(parsed.unknownCueIds()).isEmpty();
    }

    @Test
    void angryFaceGivesAnger() {
        EmotionAnswer answer = answer(TestCues.expression("F1", "anger", 0.7), TestCues.actionUnit("F1", "brow_lower", 0.9),
                TestCues.actionUnit("F1", "lip_press", 0.7)).answer();

        assertThat(answer.label()).isEqualTo("anger");
        assertThat(answer.cueIds()).contains("F1.expr", "F1.au.brow_lower");
    }

    @Test
    void actionUnitsAloneTipAnAmbiguousFace() {
        EmotionAnswer answer = answer(TestCues.actionUnit("F1", "brow_raise", 0.9), TestCues.actionUnit("F1", "eye_open", 0.9),
                TestCues.actionUnit("F1", "mouth_open", 0.9)).answer();

        assertThat(answer.label()).isEqualTo("surprise");
    }

    @Test
    void happyWordsRaiseHappinessAndNegatedOnesDoNot() {
        double baseline = answer(TestCues.transcript("T1", "I went to the shop this morning")).answer().probabilities().get("happiness");
        EmotionAnswer happy = answer(TestCues.transcript("T1", "I am so happy today")).answer();
        EmotionAnswer notHappy = answer(TestCues.transcript("T1", "I am not happy")).answer();

        assertThat(happy.label()).isEqualTo("happiness");
        assertThat(happy.probabilities().get("happiness")).isGreaterThan(baseline);
        assertThat(happy.cueIds()).containsExactly("T1");
        assertThat(happy.reasoning()).contains("[T1] words: happy");
        assertThat(notHappy.probabilities().get("happiness")).isLessThanOrEqualTo(baseline);
        assertThat(notHappy.label()).isNotEqualTo("happiness");
    }

    @Test
    void noCuesGiveNeutralWithLowConfidence() {
        EmotionAnswer answer = answer().answer();

        assertThat(answer.label()).isEqualTo("neutral");
        assertThat(answer.confidence()).isLessThan(0.3);
        assertThat(answer.reasoning()).startsWith(LocalCueFusionBackend.DISCLAIMER).contains("no cues");
        assertThat(answer.cueIds()).isEmpty();
    }

    @Test
    void priorsAloneAreNoEvidence() {
        EmotionAnswer answer = answer(TestCues.prior("F1", "gender:female"), TestCues.prior("F1", "age:30-39")).answer();

        assertThat(answer.label()).isEqualTo("neutral");
        assertThat(answer.reasoning()).contains("carries evidence for these labels");
    }

    @Test
    void labelsWithoutWeightsGetOnlyTheirBias() {
        LabelSet valence = new LabelSet(List.of("positive", "negative"));
        CueSet cues = new CueSet(List.of(TestCues.expression("F1", "happiness", 0.9)));
        EmotionAnswer answer = parser.parse(backend.complete(AnswerSchema.request(List.of(), cues, valence)).text(), valence, cues).answer();

        assertThat(answer.label()).isEqualTo("positive");
        assertThat(answer.probabilities()).containsEntry("positive", 0.5).containsEntry("negative", 0.5);
    }

    @Test
    void largerFacesWeighMore() {
        Cue smallHappy = new Cue("F1.expr", Modality.FACE, "face/expression", "F1", "expression", "happiness", 0.9,
                new Region(0, 0, 30, 30), null, Map.of("happiness", 0.9, "sadness", 0.1));
        Cue bigSad = new Cue("F2.expr", Modality.FACE, "face/expression", "F2", "expression", "sadness", 0.9,
                new Region(100, 0, 200, 200), null, Map.of("sadness", 0.9, "happiness", 0.1));

        EmotionAnswer answer = answer(smallHappy, bigSad).answer();

        assertThat(answer.label()).isEqualTo("sadness");
        assertThat(answer.cueIds()).first().isEqualTo("F2.expr");
    }

    @Test
    void deterministic() {
        Cue[] cues = {TestCues.expression("F1", "fear", 0.6), TestCues.actionUnit("F1", "eye_open", 0.7),
                TestCues.transcript("T1", "I'm scared, never been so nervous")};

        BackendReply first = reply(LabelSet.CANONICAL, cues);
        BackendReply second = new LocalCueFusionBackend("local", FusionWeights.load()).complete(
                AnswerSchema.request(List.of(), new CueSet(List.of(cues)), LabelSet.CANONICAL));

        assertThat(second.text()).isEqualTo(first.text());
        assertThat(first.promptTokens()).isZero();
        assertThat(first.completionTokens()).isZero();
    }
}
