package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void percentilesInterpolate() {
        assertThat(PairedBootstrap.percentile(new double[] {0, 1, 2, 3, 4}, 0.5)).isEqualTo(2.0);
        assertThat(PairedBootstrap.percentile(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
    }
}
