package io.affectra.cue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ablations over cues shaped as the encoders emit them (ids, types and modalities copied from the encoders). */
class AblationTest {

    private static final CueSet STILL = CueSet.of(List.of(
            cue("F1.expr", Modality.FACE, CueType.EXPRESSION),
            cue("F1.au.lip_corner_pull", Modality.FACE, CueType.ACTION_UNIT),
            cue("F1.prior.gender", Modality.FACE, CueType.PRIOR),
            cue("F1.prior.age", Modality.FACE, CueType.PRIOR),
            cue("P1.body", Modality.BODY, CueType.PERSON),
            cue("P1.p1", Modality.BODY, CueType.POSTURE),
            cue("P1.g1", Modality.BODY, CueType.GESTURE),
            cue("V1", Modality.VOICE, CueType.SPEECH),
            cue("V1.animated-pitch", Modality.VOICE, CueType.PROSODY),
            cue("T1", Modality.TEXT, CueType.TRANSCRIPT),
            cue("T1.emotion", Modality.TEXT, CueType.TEXT_EMOTION)));

    @Test
    void parsesOneFamilyOrSeveralWithWhitespaceAndDuplicates() {
        assertThat(Ablation.parse("-face")).isEqualTo(Ablation.of(CueFamily.FACE));
        assertThat(Ablation.parse(" -voice , -face ")).isEqualTo(Ablation.of(CueFamily.FACE, CueFamily.VOICE));
        assertThat(Ablation.parse("-face,-voice,-face").removed()).containsExactly(CueFamily.FACE, CueFamily.VOICE);
        assertThat(Ablation.parse("-PRIORS").removed()).containsExactly(CueFamily.PRIORS);
        assertThat(Ablation.parse("")).isSameAs(Ablation.NONE);
        assertThat(Ablation.parse(null)).isSameAs(Ablation.NONE);
    }

    @Test
    void theNameIsCanonicalAndParsesBack() {
        Ablation ablation = Ablation.parse("-text,-priors,-body,-face,-voice");

        assertThat(ablation.name()).isEqualTo("-face-body-voice-text-priors");
        assertThat(Ablation.parse(ablation.name())).isEqualTo(ablation);
        assertThat(Ablation.parse("-voice,-face").name()).isEqualTo("-face-voice");
        assertThat(Ablation.NONE.name()).isEmpty();
    }

    @Test
    void refusesUnknownFamiliesAndAMissingDash() {
        assertThatThrownBy(() -> Ablation.parse("-faces")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown cue family 'faces'").hasMessageContaining("face, body, voice, text, priors");
        assertThatThrownBy(() -> Ablation.parse("face")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'face' must start with '-'").hasMessageContaining("face, body, voice, text, priors");
        assertThatThrownBy(() -> Ablation.parse("-face,voice")).hasMessageContaining("'voice' must start with '-'");
        assertThatThrownBy(() -> Ablation.parse("-")).hasMessageContaining("unknown cue family ''");
        assertThatThrownBy(() -> Ablation.parse("-face-")).hasMessageContaining("unknown cue family ''");
    }

    @Test
    void withoutTheFaceNoFaceDerivedCueIsLeftAndTheRestKeepsItsOrder() {
        Ablation.Applied applied = Ablation.parse("-face").apply(STILL);

        assertThat(ids(applied.cues())).containsExactly("P1.body", "P1.p1", "P1.g1", "V1", "V1.animated-pitch", "T1", "T1.emotion");
        assertThat(applied.cues().cues()).noneMatch(c -> c.modality().faceDerived());
        assertThat(applied.cues()).isEqualTo(STILL.withoutFaceDerived());
        assertThat(applied.removed()).isEqualTo(4);
        assertThat(applied.withheld()).containsExactly(
                "face: expression, action units and facial priors are withheld on purpose (ablation -face)");
    }

    @Test
    void withoutThePriorsOnlyThePriorsGo() {
        Ablation.Applied applied = Ablation.parse("-priors").apply(STILL);

        assertThat(ids(applied.cues())).containsExactly("F1.expr", "F1.au.lip_corner_pull", "P1.body", "P1.p1", "P1.g1", "V1",
                "V1.animated-pitch", "T1", "T1.emotion");
        assertThat(applied.removed()).isEqualTo(2);
    }

    @Test
    void eachFamilyTakesItsModality() {
        assertThat(ids(Ablation.parse("-body").apply(STILL).cues())).doesNotContain("P1.body", "P1.p1", "P1.g1").hasSize(8);
        assertThat(ids(Ablation.parse("-text").apply(STILL).cues())).doesNotContain("T1", "T1.emotion").hasSize(9);
        assertThat(ids(Ablation.parse("-face,-voice").apply(STILL).cues())).containsExactly("P1.body", "P1.p1", "P1.g1", "T1",
                "T1.emotion");
        assertThat(Ablation.parse("-face,-voice").apply(STILL).withheld()).hasSize(2);
    }

    @Test
    void windowAndPartPrefixesDoNotMatter() {
        CueSet window = CueSet.of(List.of(
                cue("W1.F1.expr", Modality.FACE, CueType.EXPRESSION),
                cue("W1.F1.au.brow_lower", Modality.FACE, CueType.ACTION_UNIT),
                cue("W1.P1.g1", Modality.BODY, CueType.GESTURE),
                cue("I2.W1.V1", Modality.VOICE, CueType.SPEECH),
                cue("I2.W1.T1", Modality.TEXT, CueType.TRANSCRIPT)));

        assertThat(ids(Ablation.parse("-face").apply(window).cues())).containsExactly("W1.P1.g1", "I2.W1.V1", "I2.W1.T1");
    }

    @Test
    void noAblationIsTheIdentity() {
        Ablation.Applied applied = Ablation.NONE.apply(STILL);

        assertThat(applied.cues()).isEqualTo(STILL);
        assertThat(applied.removed()).isZero();
        assertThat(applied.withheld()).isEmpty();
    }

    private static Cue cue(String id, Modality modality, CueType type) {
        String subject = id.contains("F1") ? "F1" : id.contains("P1") ? "P1" : "speaker";
        return new Cue(id, modality, "test", subject, type, "label", 0.5, null, TimeSpan.STILL, Map.of());
    }

    private static List<String> ids(CueSet cues) {
        return cues.cues().stream().map(Cue::id).toList();
    }
}
