package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseScoresTest {

    @Test
    void aPairIsOneCaseKeyedByItsItem() {
        // p0 both right; p1 hallucinated wrong; p2 basic wrong.
        CaseScores s = CaseScores.of(DatasetFormat.PAIR, Cases.pairs("s", 3, i -> switch (i) {
            case 0 -> new String[] {"yes", "no"};
            case 1 -> new String[] {"yes", "yes"};
            default -> new String[] {"no", "no"};
        }));

        assertThat(s.cases()).containsExactly("p0", "p1", "p2");
        assertThat(s.metric("overallAccuracy").binary()).isTrue();
        assertThat(s.metric("overallAccuracy").byCase()).containsExactly(Map.entry("p0", 1.0), Map.entry("p1", 0.0), Map.entry("p2", 0.0));
        assertThat(s.metric("basicAccuracy").byCase()).containsEntry("p1", 1.0).containsEntry("p2", 0.0);
        assertThat(s.metric("hallucinatedAccuracy").byCase()).containsEntry("p1", 0.0).containsEntry("p2", 1.0);
    }

    @Test
    void anUnjudgedOpenAnswerIsACaseWithoutAGradedScore() {
        CaseResult judged = new CaseResult("s", "o1", 0, "o1", null, null, null, "joy", "joy", true, null, 7, 9, "", 1, 0, 0, 0, null);
        CaseResult unjudged = new CaseResult("s", "o2", 1, "o2", null, null, null, "joy", "fear", false, null, null, null, "", 1, 0, 0, 0, null);

        CaseScores s = CaseScores.of(DatasetFormat.OPEN, List.of(unjudged, judged));

        assertThat(s.cases()).containsExactly("o1", "o2");
        assertThat(s.metric("clueOverlap").binary()).isFalse();
        assertThat(s.metric("clueOverlap").byCase()).containsOnly(Map.entry("o1", 7.0));
        assertThat(s.metric("accuracy").byCase()).containsOnly(Map.entry("o1", 1.0), Map.entry("o2", 0.0));
        assertThat(s.metric("missing")).isNull();
    }

    @Test
    void refusesScoresThatDoNotFitTheirCases() {
        assertThatThrownBy(() -> new CaseScores.Metric("accuracy", true, Map.of("c1", 0.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseScores(List.of("c1", "c1"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseScores(List.of("c1"), List.of(new CaseScores.Metric("accuracy", true, Map.of("c2", 1.0)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
