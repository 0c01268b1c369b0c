package io.affectra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Ablation;
import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ablation over a shipped photograph's real evidence (real models): -face takes every face cue and nothing else. */
@QuarkusTest
class AblatedEvidenceTest {

    @Inject
    EvidenceExtractor extractor;

    @Test
    void withoutTheFaceEveryFaceCueGoesAndTheRestStays() {
        CueSet all = CueSet.of(extractor.still(TestMedia.file("sample1.jpg"), EvidenceOptions.of(true, false, "she said she was fine")).cues());
        List<Cue> face = all.cues().stream().filter(c -> c.modality() == Modality.FACE).toList();
        List<Cue> rest = all.cues().stream().filter(c -> c.modality() != Modality.FACE).toList();
        assertThat(face).extracting(Cue::type).contains(CueType.EXPRESSION, CueType.ACTION_UNIT, CueType.PRIOR);
        assertThat(rest).extracting(Cue::modality).contains(Modality.BODY, Modality.TEXT);

        Ablation.Applied applied = Ablation.parse("-face").apply(all);

        assertThat(applied.cues().cues()).isEqualTo(rest);
        assertThat(applied.removed()).isEqualTo(face.size());
    }
}
