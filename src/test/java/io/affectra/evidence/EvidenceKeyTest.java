package io.affectra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options that change cues change the key; options that cannot, do not. */
class EvidenceKeyTest {

    private static final String MEDIA = "a".repeat(64);
    private static final Map<String, String> ENCODERS = Map.of("face", "f1", "body", "b1", "transcript", "t1");

    private static EvidenceKey still(EvidenceOptions options) {
        return EvidenceKey.still(MEDIA, ENCODERS, options);
    }

    private static EvidenceKey clip(EvidenceOptions options) {
        return EvidenceKey.clip(MEDIA, ENCODERS, options, 5.0, null);
    }

    private static EvidenceOptions plain() {
        return EvidenceOptions.of(false, false, "");
    }

    @Test
    void whatChangesAStillsCuesChangesItsKey() {
        EvidenceKey base = still(plain());

        assertThat(still(EvidenceOptions.of(true, false, ""))).as("facial priors").isNotEqualTo(base);
        assertThat(still(EvidenceOptions.of(false, true, ""))).as("de-identified").isNotEqualTo(base);
        assertThat(still(EvidenceOptions.of(false, false, "I am happy"))).as("a transcript").isNotEqualTo(base)
                .isNotEqualTo(still(EvidenceOptions.of(false, false, "I am sad")));
        assertThat(EvidenceKey.still("b".repeat(64), ENCODERS, plain())).as("other bytes").isNotEqualTo(base);
        assertThat(EvidenceKey.still(MEDIA, Map.of("face", "f2", "body", "b1", "transcript", "t1"), plain())).as("a new face model")
                .isNotEqualTo(base);
        assertThat(EvidenceKey.still(MEDIA, Map.of("body", "b1", "transcript", "t1"), plain())).as("an encoder fewer").isNotEqualTo(base);
        assertThat(clip(plain())).as("the same bytes read as a clip").isNotEqualTo(base);
    }

    @Test
    void whatCannotChangeAStillsCuesLeavesItsKey() {
        EvidenceKey base = still(plain());

        assertThat(still(new EvidenceOptions(false, false, "", 2.0, 4_000L, true))).as("frame rate, window, sound only").isEqualTo(base);
        assertThat(still(EvidenceOptions.of(false, false, "  I am happy \n"))).as("whitespace around the transcript")
                .isEqualTo(still(EvidenceOptions.of(false, false, "I am happy")));
        assertThat(still(EvidenceOptions.of(true, true, ""))).as("priors asked for but de-identified")
                .isEqualTo(still(EvidenceOptions.of(false, true, "")));
        assertThat(EvidenceKey.still(MEDIA, Map.of("transcript", "t1", "body", "b1", "face", "f1"), plain())).as("encoder order")
                .isEqualTo(base);
    }

    @Test
    void whatChangesAClipsCuesChangesItsKey() {
        EvidenceKey base = clip(plain());

        assertThat(EvidenceKey.clip(MEDIA, ENCODERS, plain(), 2.0, null)).as("frame rate").isNotEqualTo(base);
        EvidenceKey heard = EvidenceKey.clip(MEDIA, ENCODERS, plain(), 5.0, "stt/whisper-1");
        assertThat(heard).as("speech heard by a transcription backend").isNotEqualTo(base)
                .isNotEqualTo(EvidenceKey.clip(MEDIA, ENCODERS, plain(), 5.0, "stt/large-v3")).as("by another model")
                .isNotEqualTo(EvidenceKey.clip(MEDIA, ENCODERS, plain(), 5.0, "other/whisper-1")).as("by another backend");
        assertThat(clip(new EvidenceOptions(false, false, "", null, 5_000L, false))).as("windows instead of the whole clip")
                .isNotEqualTo(base).isNotEqualTo(clip(new EvidenceOptions(false, false, "", null, 10_000L, false)));
        assertThat(clip(EvidenceOptions.of(false, true, ""))).as("de-identified").isNotEqualTo(base);
        assertThat(clip(EvidenceOptions.of(false, false, "We won."))).as("a transcript").isNotEqualTo(base);
        assertThat(clip(plain().withSoundOnly())).as("heard only").isNotEqualTo(base);
    }

    @Test
    void whatCannotChangeAClipsCuesLeavesItsKey() {
        // Face tracks carry no priors.
        assertThat(clip(EvidenceOptions.of(true, false, ""))).isEqualTo(clip(plain()));
        // Nothing is sampled from a clip that is only heard.
        assertThat(EvidenceKey.clip(MEDIA, ENCODERS, plain().withSoundOnly(), 2.0, null)).isEqualTo(clip(plain().withSoundOnly()));
        // The option is not in the key, only who it resolves to (the transcription argument, from the extractor).
        assertThat(clip(plain().withTranscribe("auto"))).isEqualTo(clip(plain().withTranscribe(null)));
    }
}
