package io.affectra.cue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CueTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wireNamesAreTheOnesTheApiHasAlwaysSent() {
        assertThat(Arrays.stream(CueType.values()).map(CueType::wire)).containsExactly("expression", "action-unit", "prior",
                "transcript", "text-emotion", "speech", "prosody", "person", "posture", "gesture");
        assertThat(CueType.of("action-unit")).isSameAs(CueType.ACTION_UNIT);
        assertThat(CueType.ACTION_UNIT).hasToString("action-unit");
        assertThatThrownBy(() -> CueType.of("Action-Unit")).hasMessageContaining("unknown cue type 'Action-Unit'");
    }

    @Test
    void aCueWritesAndReadsItsTypeByWireName() throws Exception {
        Cue cue = new Cue("F1.au.brow_lower", Modality.FACE, "facemesh-geometry", "F1", CueType.ACTION_UNIT, "brow_lower", 0.4,
                new Region(1, 2, 3, 4), new TimeSpan(0, 40), Map.of("raw", 0.5));

        String json = JSON.writeValueAsString(cue);

        assertThat(json).isEqualTo("{\"id\":\"F1.au.brow_lower\",\"modality\":\"FACE\",\"source\":\"facemesh-geometry\",\"subject\":\"F1\","
                + "\"type\":\"action-unit\",\"label\":\"brow_lower\",\"score\":0.4,\"region\":" + JSON.writeValueAsString(cue.region())
                + ",\"span\":" + JSON.writeValueAsString(cue.span()) + ",\"values\":{\"raw\":0.5}}");
        assertThat(JSON.readValue(json, Cue.class)).isEqualTo(cue);
    }

    @Test
    void theWireNameConstructorNamesTheSameType() {
        assertThat(new Cue("T1", Modality.TEXT, "transcript", "speaker", "transcript", "hi", 1.0, null, null, Map.of()).type())
                .isSameAs(CueType.TRANSCRIPT);
    }
}
