package io.affectra.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerceptionRulesTest {

    private final PerceptionRules rules = new PerceptionRules();

    /** Three faces left to right: F1 neutral, F2 happy with a strong smile, F3 happy, laughing with the mouth open. */
    private static CueSet threeFaces() {
        List<Cue> cues = new ArrayList<>();
        cues.add(expression("F1", "neutral", 0.8));
        cues.add(expression("F2", "happiness", 0.9));
        cues.add(au("F2", "lip_corner_pull", 0.8));
        cues.add(expression("F3", "happiness", 0.95));
        cues.add(au("F3", "lip_corner_pull", 0.9));
        cues.add(au("F3", "mouth_open", 0.7));
        return CueSet.of(cues);
    }

    private static Cue expression(String face, String label, double score) {
        return new Cue(face + ".expr", Modality.FACE, "test", face, "expression", label, score, new Region(0, 0, 10, 10), null,
                Map.of(label, score));
    }

    private static Cue au(String face, String unit, double intensity) {
        return new Cue(face + ".au." + unit, Modality.FACE, "test", face, "action-unit", unit, intensity, new Region(0, 0, 10, 10), null, Map.of());
    }

    private Boolean yes(String question) {
        return rules.answer(question, threeFaces()).map(PerceptionRules.Answer::yes).orElse(null);
    }

    @Test
    void countsFaces() {
        assertThat(yes("Are there exactly three faces in the image?")).isTrue();
        assertThat(yes("Are there four people in the photo?")).isFalse();
        assertThat(yes("Is there exactly one face in the image?")).isFalse();
        assertThat(yes("Are there at least 2 people?")).isTrue();
    }

    @Test
    void readsPositionsAndProperties() {
        assertThat(yes("Is the person on the right smiling?")).isTrue();
        assertThat(yes("Is the person on the left smiling?")).isFalse();
        assertThat(yes("Is the person in the middle smiling?")).isTrue();
        assertThat(yes("Is the second person from the left laughing?")).isFalse();
        assertThat(yes("Is the third person from the left laughing?")).isTrue();
        assertThat(yes("Is the mouth of the person on the right open?")).isTrue();
        assertThat(yes("Does the person on the left have a neutral expression?")).isTrue();
        assertThat(yes("Does the person on the right look sad?")).isFalse();
    }

    @Test
    void readsQuantifiers() {
        assertThat(yes("Is anyone in the photo laughing?")).isTrue();
        assertThat(yes("Is nobody in the photo frowning?")).isTrue();
        assertThat(yes("Is someone in the photo frowning?")).isFalse();
        assertThat(yes("Are two of the three people smiling?")).isTrue();
        assertThat(yes("Are all three people smiling?")).isFalse();
        assertThat(yes("Are most of the people in the photo smiling?")).isTrue();
    }

    @Test
    void saysWhatItCannotRead() {
        assertThat(yes("Is the person on the right smiling more broadly than the person on the left?")).isNull();
        assertThat(yes("Is the person in the middle looking down?")).isNull();
        assertThat(yes("Is anyone in the photo crying?")).isNull();
    }

    @Test
    void citesTheCuesItRead() {
        assertThat(rules.answer("Is the person on the right laughing?", threeFaces()).orElseThrow().cueIds())
                .contains("F3.expr", "F3.au.mouth_open");
    }
}
