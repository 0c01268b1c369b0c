package io.affectra.encoder.body.gesture;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.encoder.body.NfblGroup;
import org.junit.jupiter.api.Test;

/** The rule text is rendered from the thresholds the rules use, so changing a number changes the text with it. */
class GestureRulesTest {

    @Test
    void everyRuleStatesTheMinimumDurationItsDetectorUses() {
        assertThat(GestureCatalog.all()).allSatisfy(d ->
                assertThat(d.rule()).as(d.name()).contains("at least " + Prose.duration(d.minDurationMs()) + "."));
    }

    @Test
    void contactRulesStateTheirRegionsRadii() {
        HeadContacts.Contact jaw = HeadContacts.Contact.ALL.stream().filter(c -> c.region() == FaceRegion.JAW).findFirst()
                .orElseThrow();
        assertThat(jaw.rule()).contains("within 0.09 shoulder widths of the jaw or chin", "held while within 0.13",
                "at least 400 ms").doesNotContain("Starts only");
        HeadContacts.Contact ears = new HeadContacts.Contact("touching_ears", FaceRegion.EAR, "an ear",
                NfblGroup.SELF_MANIPULATION, 0.7, 900);
        assertThat(ears.rule()).contains("slower than 0.7 shoulder widths/s", "at least 900 ms");
    }

    @Test
    void changedThresholdsShowInTheRule() {
        assertThat(new HeadContacts.CoveringFace(new Band(0.2, 0.3), new Band(0.11, 0.19), 0.8, 2000).rule())
                .contains("within 0.2 shoulder widths of the face centre", "held within 0.3", "one hand within 0.11 (held 0.19)",
                        "at least 2 s.");
        assertThat(new HandPairs.TouchingArms(new Band(0.06, 0.1), 0.75, 0.5, 700).rule())
                .contains("within 0.06 shoulder widths (held 0.1)", "shoulder to 75% of", "first 50% of its forearm",
                        "at least 700 ms.");
        assertThat(new Postures.HeadUp(new Band(0.12, 0.08), new Band(0.05, 0.03), 900).rule(new Postures.Baseline(12, 2500)))
                .contains("at least 0.12 shoulder widths", "at least 0.05 relative to the ears", "held at 0.08 / 0.03",
                        "at least 12 samples over 2.5 s");
        assertThat(new Movements.ShakingShoulders(500, 1000, 0.02, 4, 3, new Band(0.06, 0.04), 10, 800).rule())
                .contains("within +-1 s at least 4 sign changes", "|value| < 0.02", "(held at 3 and 0.04)",
                        "needs >= 10 samples", "about 5 fps");
    }

    @Test
    void bandsAndRangesIncludeTheirBounds() {
        Band distance = new Band(0.1, 0.2);
        assertThat(distance.atMost(0.1)).isEqualTo(Level.ON);
        assertThat(distance.atMost(0.2)).isEqualTo(Level.HOLD);
        assertThat(distance.atMost(0.21)).isEqualTo(Level.OFF);
        assertThat(distance.atMost(Double.NaN)).isEqualTo(Level.OFF);
        Band speed = new Band(0.6, 0.35);
        assertThat(speed.atLeast(0.6)).isEqualTo(Level.ON);
        assertThat(speed.atLeast(0.35)).isEqualTo(Level.HOLD);
        assertThat(speed.atLeast(Double.NaN)).isEqualTo(Level.OFF);
        assertThat(new Range(0.15, 1.4).contains(1.4)).isTrue();
        assertThat(new Range(0.15, 1.4).contains(0.149)).isFalse();
    }
}
