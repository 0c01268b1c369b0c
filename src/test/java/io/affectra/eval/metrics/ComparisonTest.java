package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private final List<CaseResult> yesMan = Cases.pairs("direct", 40, i -> new String[] {"yes", "yes"});
    // Right on the first 30 pairs, yes-man on the last 10.
    private final List<CaseResult> careful = Cases.pairs("pep-mek", 40, i -> i < 30 ? new String[] {"yes", "no"} : new String[] {"yes", "yes"});

    @Test
    void pairedDifferenceWithASeededBootstrapInterval() {
        Comparison c = Comparison.of(DatasetFormat.PAIR, "direct", yesMan, "pep-mek", careful, 2000, 42, 0.95);

        assertThat(c.units()).isEqualTo(40);
        Comparison.Difference overall = c.metrics().get("overallAccuracy");
        assertThat(overall.baseline()).isEqualTo(0.0);
        assertThat(overall.strategy()).isEqualTo(0.75);
        assertThat(overall.difference()).isEqualTo(0.75);
        assertThat(overall.ciLow()).isLessThan(0.75).isGreaterThan(0.5);
        assertThat(overall.ciHigh()).isGreaterThan(0.75).isLessThanOrEqualTo(1.0);
        assertThat(c.metrics().get("basicAccuracy").difference()).isEqualTo(0.0);
        assertThat(c.metrics().get("basicAccuracy").ciLow()).isEqualTo(0.0);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        Comparison a = Comparison.of(DatasetFormat.PAIR, "direct", yesMan, "pep-mek", careful, 500, 7, 0.95);
        Comparison b = Comparison.of(DatasetFormat.PAIR, "direct", yesMan, "pep-mek", careful, 500, 7, 0.95);
        Comparison other = Comparison.of(DatasetFormat.PAIR, "direct", yesMan, "pep-mek", careful, 500, 8, 0.95);

        assertThat(a).isEqualTo(b);
        assertThat(other.metrics().get("overallAccuracy").difference()).isEqualTo(a.metrics().get("overallAccuracy").difference());
    }
}
