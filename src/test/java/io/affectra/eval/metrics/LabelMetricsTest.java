package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMetricsTest {

    /**
     * Six cases worked by hand. gold: happiness x3, sadness x2, anger x1.
     * predicted: h->h, h->h, h->s, s->s, s->h, a->error.
     * accuracy (WAR) 3/6. recall: h 2/3, s 1/2, a 0 -> UAR = (2/3 + 1/2 + 0) / 3 = 7/18.
     * precision: h 2/3 (predicted h three times), s 1/2, a undefined (0 in F1).
     * F1: h 2/3, s 1/2, a 0 -> macro over {h, s, a} = 7/18; weighted = (3 * 2/3 + 2 * 1/2 + 1 * 0) / 6 = 1/2.
     */
    @Test
    void handWorkedClassificationExample() {
        List<CaseResult> results = List.of(
                Cases.answered("s", "i1", null, null, 0, "happiness", "happiness"),
                Cases.answered("s", "i2", null, null, 1, "happiness", "happiness"),
                Cases.answered("s", "i3", null, null, 2, "happiness", "sadness"),
                Cases.answered("s", "i4", null, null, 3, "sadness", "sadness"),
                Cases.answered("s", "i5", null, null, 4, "sadness", "happiness"),
                Cases.answered("s", "i6", null, null, 5, "anger", Cases.ERROR));

        LabelMetrics m = LabelMetrics.of(results, List.of("happiness", "sadness", "anger"));

        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.war()).isEqualTo(0.5);
        assertThat(m.uar()).isCloseTo(7.0 / 18, within(1e-6));
        assertThat(m.macroF1()).isCloseTo(7.0 / 18, within(1e-6));
        assertThat(m.weightedF1()).isCloseTo(0.5, within(1e-6));
        assertThat(m.errors()).isEqualTo(1);
        assertThat(m.labels()).containsExactly("happiness", "sadness", "anger", "(none)");
        assertThat(m.confusion().get("happiness")).containsEntry("happiness", 2).containsEntry("sadness", 1);
        assertThat(m.confusion().get("sadness")).containsEntry("happiness", 1).containsEntry("sadness", 1);
        assertThat(m.confusion().get("anger")).containsEntry("(none)", 1).containsEntry("anger", 0);
        assertThat(m.perClass().get("anger").precision()).isNull();
        assertThat(m.perClass().get("happiness").precision()).isCloseTo(2.0 / 3, within(1e-6));
    }

    @Test
    void choiceAccuracyCountsUnparseableAsWrong() {
        ChoiceMetrics m = ChoiceMetrics.of(List.of(
                Cases.answered("s", "c1", null, "x", 0, "A", "A"),
                Cases.answered("s", "c2", null, "x", 1, "B", null),
                Cases.answered("s", "c3", null, "y", 2, "C", "D"),
                Cases.answered("s", "c4", null, "y", 3, "D", "D")));

        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.unparseable()).isEqualTo(1);
        assertThat(m.byCategory().get("x").accuracy()).isEqualTo(0.5);
        assertThat(m.byCategory().get("y").accuracy()).isEqualTo(0.5);
    }
}
