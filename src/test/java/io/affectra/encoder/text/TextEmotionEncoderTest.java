package io.affectra.encoder.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Cue;
import io.affectra.cue.TimeSpan;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zero-shot text emotion with the in-process MiniLM: sentences that are not among the prototypes. */
@QuarkusTest
class TextEmotionEncoderTest {

    @Inject
    TextEmotionEncoder encoder;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "We finally got the house, I'm over the moon and so grateful!|happiness",
            "Since he left I just sit at home and cry every night.|sadness",
            "Get out of my office right now, I've had enough of your lies!|anger",
            "There's someone outside the door and I'm shaking, I'm so afraid.|fear",
            "The train leaves from platform four at ten past nine.|neutral"})
    void readsTheEmotionOfSentencesItWasNotGiven(String text, String expected) {
        Map<String, Double> p = encoder.classify(text);
        String top = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).as(text + " -> " + p).isEqualTo(expected);
        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.999, 1.001);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"W1.T2|I can't believe we actually won the final!"})
    void makesOneTextCuePerSegment(String id, String text) {
        List<Cue> cues = encoder.cues(id, text, new TimeSpan(500, 5600));
        assertThat(cues).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id + ".emotion");
            assertThat(c.type().wire()).isEqualTo("text-emotion");
            assertThat(c.span()).isEqualTo(new TimeSpan(500, 5600));
            assertThat(c.values()).hasSize(7);
        });
    }
}
