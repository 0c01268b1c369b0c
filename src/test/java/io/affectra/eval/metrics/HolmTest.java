package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    /**
     * [0.01, 0.04, 0.03, 0.005], m = 4. Ascending: 0.005 (4th), 0.01 (1st), 0.03 (3rd), 0.04 (2nd).
     * 4 * 0.005 = 0.02; 3 * 0.01 = 0.03; 2 * 0.03 = 0.06; 1 * 0.04 = 0.04, raised to 0.06 (step-down: never below
     * the one before). In input order: [0.03, 0.06, 0.06, 0.02].
     */
    @Test
    void handWorkedFamilyInInputOrder() {
        double[] adjusted = Holm.adjust(0.01, 0.04, 0.03, 0.005);

        assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
    }

    /** [0.2, 0.5, 0.01]: 3 * 0.01 = 0.03; 2 * 0.2 = 0.4; 1 * 0.5 = 0.5. [0.9, 0.6]: 2 * 0.6 = 1.2, capped at 1; then max(1, 0.9) = 1. */
    @Test
    void monotoneAndCappedAtOne() {
        assertThat(Holm.adjust(0.2, 0.5, 0.01)).containsExactly(new double[] {0.4, 0.5, 0.03}, within(1e-12));
        assertThat(Holm.adjust(0.9, 0.6)).containsExactly(1.0, 1.0);
    }

    @Test
    void tiesOneAndEmptyFamilies() {
        // Two equal p: ranks 0 and 1 give 2 * 0.02 = 0.04 and max(0.04, 1 * 0.02) = 0.04.
        assertThat(Holm.adjust(0.02, 0.02)).containsExactly(new double[] {0.04, 0.04}, within(1e-12));
        assertThat(Holm.adjust(0.013)).containsExactly(0.013);
        assertThat(Holm.adjust()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAProbability() {
        assertThatThrownBy(() -> Holm.adjust(0.1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holm.adjust(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
