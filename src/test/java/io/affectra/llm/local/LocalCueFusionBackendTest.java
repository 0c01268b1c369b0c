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
        assertThat(happy.reasoning()).contains("the words \"happy\" [T1]");
        assertThat(notHappy.probabilities().get("happiness")).isLessThanOrEqualTo(baseline);
        assertThat(notHappy.label()).isNotEqualTo("happiness");
    }

    @Test
    void noCuesGiveNeutralWithLowConfidence() {
        EmotionAnswer answer = answer().answer();

        assertThat(answer.label()).isEqualTo("neutral");
        assertThat(answer.confidence()).isLessThan(0.3);
        assertThat(answer.reasoning()).startsWith(LocalCueFusionBackend.DISCLAIMER).contains("No face was found, and no person either.",
                "No speech was heard and no words (transcript) were given: there is nothing to go on, so the answer is neutral with low confidence");
        assertThat(answer.cueIds()).isEmpty();
        assertThat(answer.people()).isEmpty();
    }

    @Test
    void priorsAloneAreNoEvidence() {
        EmotionAnswer answer = answer(TestCues.prior("F1", "gender:female"), TestCues.prior("F1", "age:30-39")).answer();

        assertThat(answer.label()).isEqualTo("neutral");
        assertThat(answer.reasoning()).contains("1 person was found, by their face.", "F1: nothing to read (no expression was measured).",
                "nothing to go on").doesNotContain("prior", "gender");
        assertThat(answer.people()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("F1");
            assertThat(p.label()).isEqualTo("neutral");
            assertThat(p.cueIds()).isEmpty();
        });
    }

    @Test
    void eachPersonGetsAReadingOfTheirOwnAndAPlaceInTheRow() {
        ParsedAnswer parsed = answer(face("F1", "neutral", 0.7, 40), au("F1", "brow_lower", 0.3, 40),
                face("F2", "happiness", 0.9, 200), au("F2", "lip_corner_pull", 0.6, 200),
                face("F3", "sadness", 0.6, 360), au("F3", "lip_corner_depress", 0.5, 360));
        EmotionAnswer answer = parsed.answer();

        assertThat(answer.people()).extracting(EmotionAnswer.Person::id).containsExactly("F1", "F2", "F3");
        assertThat(answer.people()).extracting(EmotionAnswer.Person::position).containsExactly("left", "centre", "right");
        assertThat(answer.people()).extracting(EmotionAnswer.Person::label).containsExactly("neutral", "happiness", "sadness");
        assertThat(answer.people().get(1).confidence()).isGreaterThan(0.9);
        assertThat(answer.people().get(1).cueIds()).containsExactly("F2.expr", "F2.au.lip_corner_pull");
        assertThat(answer.reasoning()).contains("3 people were found, each by their face.",
                "\nF2, in the centre: clearly happy (0.9", "from the expression (happy, 0.90) [F2.expr] and a smile (lip corners pulled up, 0.60) [F2.au.lip_corner_pull].",
                "\nF3, on the right: probably sad (0.", "\nOverall: ", "1 of the 3 people reads as happy",
                "\nNo speech was heard and no words (transcript) were given, so the reading rests on the faces alone.");
        // The decision is the pooled one, as before: per-person readings change what it says, not what it answers.
        assertThat(answer.label()).isEqualTo("happiness");
        assertThat(answer.cueIds()).containsExactly("F2.expr", "F2.au.lip_corner_pull", "F3.expr");
    }

    @Test
    void aBodyWithoutAFaceIsAPersonTooAndABodyAroundAFaceIsThatFacesPerson() {
        Cue body = new Cue("P1.body", Modality.BODY, "pose", "P1", "person", "present", 0.6, new Region(0, 50, 320, 600), null, Map.of());
        Cue arms = new Cue("P1.p1", Modality.BODY, "pose+rules", "P1", "posture", "folding_arms", 0.8, new Region(0, 50, 320, 600), null,
                Map.of());
        Cue other = new Cue("P2.body", Modality.BODY, "pose", "P2", "person", "present", 0.7, new Region(600, 40, 300, 640), null, Map.of());
        Cue covering = new Cue("P2.g1", Modality.BODY, "pose+rules", "P2", "gesture", "covering_face", 0.9, new Region(600, 40, 300, 640),
                null, Map.of());

        EmotionAnswer answer = answer(face("F1", "anger", 0.6, 110), body, arms, other, covering).answer();

        assertThat(answer.people()).extracting(EmotionAnswer.Person::id).containsExactly("F1", "P2");
        assertThat(answer.people().get(0).cueIds()).contains("F1.expr", "P1.p1");
        assertThat(answer.people().get(1).label()).isEqualTo("sadness");
        assertThat(answer.people().get(1).cueIds()).containsExactly("P2.g1");
        assertThat(answer.reasoning()).contains("2 people were found: 1 by their face and 1 by body alone, without a face.",
                "\nF1, on the left: ", "a posture (folding arms, 0.80) [P1.p1]",
                "\nP2, on the right, seen by body only: hard to read; if anything, sad (0.", "a gesture (covering face, 0.90) [P2.g1]",
                "so the reading rests on the face and body language.");

        EmotionAnswer bodiesOnly = answer(other, covering).answer();
        assertThat(bodiesOnly.reasoning()).contains("No face was found; 1 person was found by their body alone.",
                "\nP2, seen by body only: ", "the reading rests on body language alone.");
        assertThat(bodiesOnly.people()).singleElement().satisfies(p -> assertThat(p.position()).isNull());
    }

    @Test
    void sayingWhatIsMissingNamesOnlyWhatIsMissing() {
        Cue speech = new Cue("V1", Modality.VOICE, "vad", "speaker", "speech", "speech", 0.9, null, null, Map.of());
        Cue lively = new Cue("V1.animated-pitch", Modality.VOICE, "prosody", "speaker", "prosody", "animated-pitch", 0.8, null, null, Map.of());

        EmotionAnswer all = answer(TestCues.expression("F1", "happiness", 0.8), speech, lively, TestCues.transcript("T1", "so glad")).answer();
        EmotionAnswer voiceOnly = answer(speech, lively).answer();

        assertThat(all.reasoning()).contains("The reading rests on the face, the voice and the words.").doesNotContain("No speech", "No words");
        assertThat(voiceOnly.reasoning()).contains("No face was found, and no person either.",
                "No words (transcript) were given, so the reading rests on the voice alone.", "the voice (lively pitch, 0.80) [V1.animated-pitch]");
    }

    private static Cue face(String id, String label, double p, double x) {
        Cue c = TestCues.expression(id, label, p);
        return new Cue(c.id(), c.modality(), c.source(), c.subject(), c.type(), c.label(), c.score(), new Region(x, 100, 100, 120), null,
                c.values());
    }

    private static Cue au(String id, String unit, double intensity, double x) {
        Cue c = TestCues.actionUnit(id, unit, intensity);
        return new Cue(c.id(), c.modality(), c.source(), c.subject(), c.type(), c.label(), c.score(), new Region(x, 100, 100, 120), null,
                c.values());
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
