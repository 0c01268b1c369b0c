package io.affectra.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.vocabulary.LabelSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CueFusionTest {

    private final CueFusion fusion = new CueFusion(FusionWeights.load());

    private static Cue smile(String face, double intensity) {
        return new Cue(face + ".au.lip_corner_pull", Modality.FACE, "face/landmarks", face, "action-unit", "lip_corner_pull", intensity,
                new Region(0, 0, 100, 100), null, Map.of());
    }

    @Test
    void negationLooksThreeTokensBack() {
        assertThat(fusion.hits("I don't feel happy", LabelSet.CANONICAL)).isEmpty();
        assertThat(fusion.hits("never been happier", LabelSet.CANONICAL)).isEmpty();
        assertThat(fusion.hits("Not that I am happy", LabelSet.CANONICAL)).containsOnlyKeys("happiness");
        assertThat(fusion.hits("I\u2019m not scared, I'm ANGRY!", LabelSet.CANONICAL)).containsOnlyKeys("anger");
    }

    @Test
    void oneSmileCountsTheSameWhetherOneOrTwoFacesShowIt() {
        double one = fusion.fuse(new CueSet(List.of(smile("F1", 0.8))), LabelSet.CANONICAL).logits().get("happiness");
        double two = fusion.fuse(new CueSet(List.of(smile("F1", 0.8), smile("F2", 0.8))), LabelSet.CANONICAL).logits().get("happiness");

        assertThat(two).isCloseTo(one, within(1e-9));
        assertThat(one).isCloseTo(0.8 * 2.0, within(1e-9));
    }

    @Test
    void probabilitiesSumToOneInLabelOrder() {
        FusionResult result = fusion.fuse(new CueSet(List.of(smile("F1", 1.0))), LabelSet.CANONICAL);

        assertThat(result.probabilities().keySet()).containsExactlyElementsOf(LabelSet.CANONICAL.labels());
        assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(result.top()).isEqualTo("happiness");
    }

    @Test
    void outOfRangeScoresAreClamped() {
        double clamped = fusion.fuse(new CueSet(List.of(smile("F1", 7.0))), LabelSet.CANONICAL).logits().get("happiness");

        assertThat(clamped).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void brokenWeightsFailLoudly() throws Exception {
        var json = new ObjectMapper().readTree("{\"version\": \"x\", \"formula\": \"f\", \"temperature\": 0, \"bias\": {}}");

        assertThatThrownBy(() -> FusionWeights.parse(json)).hasMessageContaining("'text'");
    }
}
