package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Video and audio through the analyse endpoint on the embedded defaults. */
@QuarkusTest
class VideoAnalyzeTest {

    private static final String TRANSCRIPT = "I can't believe we actually won the final. This is the best day of my life! "
            + "Honestly, I was really nervous before the match. Thank you all so much for coming.";

    @Test
    void analysesTheClipWithFacesVoiceAndWordsOnATimeline() {
        JsonPath json = given()
                .multiPart("media", TestMedia.file("people.mp4").toFile(), "video/mp4")
                .multiPart("transcript", TRANSCRIPT)
                .multiPart("options", "{\"windowSeconds\":5,\"fps\":2}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("media.type", equalTo("video/mp4"))
                .body("media.hasVideo", equalTo(true))
                .body("media.hasAudio", equalTo(true))
                .body("temporal.timeline", hasSize(3))
                .body("temporal.voice.segments.size()", greaterThanOrEqualTo(3))
                .body("temporal.transcript.size()", equalTo(4))
                .body("answer.reasoning", startsWith("Aggregate of 3 windows"))
                .extract().jsonPath();

        // Faces: three in the first photograph (0-6 s), three in the second (6-12 s).
        List<Map<String, Object>> tracks = json.getList("temporal.faceTracks");
        assertThat(tracks).hasSizeBetween(6, 8);
        assertThat(tracks).filteredOn(t -> ((Number) t.get("frames")).intValue() >= 8).hasSizeGreaterThanOrEqualTo(5);
        // The two broad smiles of sample3 are read as happiness over their whole track.
        assertThat(tracks).filteredOn(t -> "happiness".equals(t.get("label"))).hasSizeGreaterThanOrEqualTo(2);

        List<String> ids = json.getList("cues.id");
        assertThat(ids).contains("W1.F1.expr", "W1.V1", "W1.T1", "W1.P1.body");
        assertThat(ids).anyMatch(id -> id.startsWith("W3.") && id.contains(".V"));
        // The transcript was plain text: it is aligned to the detected speech, in order.
        List<Integer> starts = json.getList("temporal.transcript.startMs");
        assertThat(starts).isSorted();
        assertThat(starts.get(0)).isBetween(300, 1200);
    }

    @Test
    void deidentifiedVideoHasNoFaceCuesAndSaysSo() {
        given()
                .multiPart("media", TestMedia.file("people.mp4").toFile(), "video/mp4")
                .multiPart("options", "{\"strategy\":\"deemo\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("strategy", equalTo("deemo"))
                .body("prompt.id", equalTo("emotion/deemo"))
                .body("privacy.deidentified", equalTo(true))
                .body("cues.findAll { it.modality == 'FACE' }", hasSize(0))
                .body("temporal.faceTracks", hasSize(0))
                .body("cues.modality", hasItem("VOICE"))
                // Body language is not face-derived: DEEMO reads it.
                .body("cues.modality", hasItem("BODY"))
                .body("cues.id", hasItem("W1.P1.body"));
    }

    @Test
    void withoutATranscriptionBackendTheAnswerSaysPlainlyThatNoWordsWereUsedAndHowToGetThem() {
        JsonPath json = given()
                .multiPart("media", TestMedia.file("speech.ogg").toFile(), "audio/ogg")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("temporal.transcript", hasSize(0))
                .extract().jsonPath();

        assertThat(json.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).startsWith("no words were used")
                .contains("no transcription backend is configured", "send a transcript",
                        "affectra.transcription.backends.<name>.kind=openai", "affectra.transcription.default-backend"));
        assertThat(json.getList("cues.id", String.class)).contains("W1.V1").noneMatch(id -> id.contains(".T"));
    }

    @Test
    void analysesAudioAlone() {
        given()
                .multiPart("media", TestMedia.file("speech.mp3").toFile(), "audio/mpeg")
                .multiPart("transcript", "1\n00:00:00,500 --> 00:00:05,600\nI can't believe we actually won the final.\n\n"
                        + "2\n00:00:07,100 --> 00:00:10,300\nHonestly, I was really nervous before the match.\n")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("media.hasVideo", equalTo(false))
                .body("media.type", equalTo("audio/mpeg"))
                .body("temporal.transcript[1].startMs", equalTo(7100))
                .body("temporal.transcript[1].timed", equalTo(true))
                .body("cues.id", hasItem("W1.T2"));
    }
}
