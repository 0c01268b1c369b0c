package io.affectra.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckerTest {

    private final ClaimChecker checker = new ClaimChecker();

    private static final String K001 = "Ekman's classic set of basic emotions with universally recognized facial expressions comprises six "
            + "emotions: happiness, sadness, anger, fear, surprise and disgust.";

    @Test
    void aClaimThatMatchesTheFactHasNoConflict() {
        assertThat(checker.conflicts("Is disgust one of Ekman's six classic basic emotions?", K001)).isEmpty();
        // paraphrase ("included", "set") is not a conflict
        assertThat(checker.conflicts("Is surprise included in Ekman's classic set of six basic emotions?", K001)).isEmpty();
    }

    @Test
    void aSwappedEmotionNumberOrNameIsAConflict() {
        List<ClaimChecker.Conflict> emotion = checker.conflicts("Is jealousy one of Ekman's six classic basic emotions?", K001);
        assertThat(emotion).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClaimChecker.Kind.EMOTION);
            assertThat(c.claimWord()).isEqualTo("jealousy");
            assertThat(c.factWords()).contains("happiness", "disgust");
        });
        assertThat(checker.conflicts("Is disgust one of Ekman's eight classic basic emotions?", K001))
                .extracting(ClaimChecker.Conflict::kind).containsExactly(ClaimChecker.Kind.NUMBER);
        assertThat(checker.conflicts("Is disgust one of Izard's six classic basic emotions?", K001))
                .extracting(ClaimChecker.Conflict::kind).containsExactly(ClaimChecker.Kind.NAME);
    }

    @Test
    void reversedDirectionsActionUnitsAndNegatorsAreConflicts() {
        String fact = "AU12, the lip corner puller, raises the corners of the lips and is the core of a smile.";
        assertThat(checker.conflicts("Does AU15 pull the lip corners up in a smile?", fact))
                .extracting(ClaimChecker.Conflict::kind).contains(ClaimChecker.Kind.ACTION_UNIT);
        assertThat(checker.conflicts("Does action unit 12 raise the lip corners?", fact)).isEmpty();
        assertThat(checker.conflicts("Did participants score above chance?", "Participants scored at chance level."))
                .isEmpty(); // 'above' has no opposite in the fact: not a reversal it can see
        assertThat(checker.conflicts("Is the effect higher in adults?", "The effect is lower in adults."))
                .extracting(ClaimChecker.Conflict::kind).containsExactly(ClaimChecker.Kind.ANTONYM);
        assertThat(checker.conflicts("Do Fore people recognise faces only at chance?", "Fore people recognise faces above chance."))
                .extracting(ClaimChecker.Conflict::kind).contains(ClaimChecker.Kind.NEGATOR);
    }
}
