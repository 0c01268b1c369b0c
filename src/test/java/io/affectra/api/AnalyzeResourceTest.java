package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The image endpoint on the embedded defaults: real models, the offline reasoner, the H2 database. */
@QuarkusTest
class AnalyzeResourceTest {

    @Test
    void analysesAPhotographEndToEnd() {
        Response response = given()
                .multiPart("media", TestMedia.file("sample3.jpg").toFile(), "image/jpeg")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("media.type", equalTo("image/jpeg"))
                .body("media.width", equalTo(1920))
                .body("media.height", equalTo(1350))
                .body("faces", hasSize(3))
                .body("faces[1].expression.label", equalTo("happiness"))
                .body("faces[0].actionUnits", hasSize(7))
                .body("cues.id", hasItem("F2.expr"))
                .body("cues.id", hasItem("P3.body"))
                .body("answer.label", equalTo("happiness"))
                .body("answer.reasoning", startsWith("Offline cue-fusion reasoner (not an LLM)"))
                .body("answer.cueIds.size()", greaterThan(0))
                .body("backend", equalTo("local"))
                .body("strategy", equalTo("direct"))
                .body("prompt.id", equalTo("emotion/direct"))
                .body("prompt.version", equalTo(1))
                .body("prompt.hash.length()", equalTo(64))
                .body("timings.decode", notNullValue())
                .body("timings.detect", notNullValue())
                .body("timings.total", notNullValue())
                .extract().response();

        // Every cited cue exists in the analysis.
        java.util.List<String> cited = response.path("answer.cueIds");
        java.util.List<String> ids = response.path("cues.id");
        org.assertj.core.api.Assertions.assertThat(ids).containsAll(cited);

        // And the analysis is stored, without the media.
        String id = response.path("id");
        given().when().get("/v1/analyses/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("answer.label", equalTo("happiness"))
                .body("faces", hasSize(3));
    }

    @Test
    void theOfflineAnswerSaysWhoWasFoundAndHowEachOneReads() {
        Response response = given()
                .multiPart("media", TestMedia.file("sample3.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"backend\":\"local\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("answer.people.id", contains("F1", "F2", "F3"))
                .body("answer.people.position", contains("left", "centre", "right"))
                .body("answer.people[1].label", equalTo("happiness"))
                .extract().response();
        String reasoning = response.path("answer.reasoning");
        org.assertj.core.api.Assertions.assertThat(reasoning)
                .contains("3 people were found, each by their face.")
                .containsPattern("\nF1, on the left: (clearly|probably|perhaps) \\w+ \\(0\\.\\d\\d\\), from .*\\[F1\\.expr]")
                .containsPattern("\nF2, in the centre: clearly happy \\(0\\.\\d\\d\\)")
                .contains("\nF3, on the right: ", "\nOverall: ", "No speech was heard and no words (transcript) were given, so the reading rests on")
                .doesNotContain("(+", "p=", "lip_corner_pull 0.");
        // Each person cites only cues of their own face (or body), and every one of them is in the analysis.
        java.util.List<String> ids = response.path("cues.id");
        for (int i = 0; i < 3; i++) {
            java.util.List<String> cited = response.path("answer.people[" + i + "].cueIds");
            String face = "F" + (i + 1) + ".";
            org.assertj.core.api.Assertions.assertThat(cited).isNotEmpty().allMatch(id -> id.startsWith(face) || id.startsWith("P"));
            org.assertj.core.api.Assertions.assertThat(ids).containsAll(cited);
        }
    }

    @Test
    void theOfflineAnswerSaysPlainlyWhenThereIsNoFaceAndWhatItThenRestsOn() {
        // Legs, a sofa and a phone: no face, nobody the pose model finds.
        java.io.File noFace = io.affectra.testing.CraftedMedia.below("sample2.jpg", 900).toFile();
        Response nothing = given()
                .multiPart("media", noFace, "image/jpeg")
                .multiPart("options", "{\"backend\":\"local\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("faces", hasSize(0))
                .body("answer.people", hasSize(0))
                .body("answer.label", equalTo("neutral"))
                .extract().response();
        org.assertj.core.api.Assertions.assertThat((String) nothing.path("answer.reasoning"))
                .contains("No face was found, and no person either.", "No speech was heard and no words (transcript) were given: there is nothing to go on");

        Response words = given()
                .multiPart("media", noFace, "image/jpeg")
                .multiPart("transcript", "I am so happy and excited, this is wonderful!")
                .multiPart("options", "{\"backend\":\"local\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("answer.label", equalTo("happiness"))
                .body("answer.people", hasSize(0))
                .extract().response();
        org.assertj.core.api.Assertions.assertThat((String) words.path("answer.reasoning"))
                .contains("No face was found, and no person either.", "[T1]", "No speech was heard, so the reading rests on the words alone.")
                .doesNotContain("No words");
    }

    @Test
    void aSidewaysPhonePhotoIsTurnedUprightByItsExifTag() {
        java.nio.file.Path sideways = io.affectra.testing.CraftedMedia.write("sideways-sample3.jpg",
                io.affectra.testing.CraftedMedia.sidewaysWithExif("sample3.jpg"));
        given()
                .multiPart("media", sideways.toFile(), "image/jpeg")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("media.width", equalTo(1920))
                .body("media.height", equalTo(1350))
                .body("faces", hasSize(3))
                .body("faces[1].expression.label", equalTo("happiness"));
    }

    @Test
    void emoLlamaStrategyAddsFacialPriorsAndUsesItsTemplate() {
        given()
                .multiPart("media", TestMedia.file("sample3.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"strategy\":\"emo-llama\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("strategy", equalTo("emo-llama"))
                .body("prompt.id", equalTo("emotion/emo-llama"))
                .body("faces.priors.gender", everyItem(notNullValue()))
                .body("cues.id", hasItem("F1.prior.gender"));
    }

    @Test
    void aTranscriptBecomesATextCue() {
        given()
                .multiPart("media", TestMedia.file("sample2.jpg").toFile(), "image/jpeg")
                .multiPart("transcript", "I am so happy and excited, this is wonderful!")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("cues.find { it.id == 'T1' }.modality", equalTo("TEXT"))
                .body("cues.find { it.id == 'T1' }.label", startsWith("I am so happy"))
                .body("cues.find { it.id == 'T1.emotion' }.label", equalTo("happiness"));
    }

    @Test
    void deidentifiedModeComputesNoFaceCues() {
        given()
                .multiPart("media", TestMedia.file("sample1.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"deidentify\":true,\"facialPriors\":true}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("faces", hasSize(0))
                .body("cues.findAll { it.modality == 'FACE' }", hasSize(0))
                .body("privacy.deidentified", equalTo(true))
                .body("privacy.withheld.size()", equalTo(1));
    }

    @Test
    void aCustomLabelSetIsHonoured() {
        given()
                .multiPart("media", TestMedia.file("sample3.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"labels\":[\"happiness\",\"neutral\",\"contempt\"]}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("answer.probabilities.size()", equalTo(3))
                .body("answer.label", equalTo("happiness"));
    }

    @Test
    void listsEncodersBackendsAndStrategies() {
        given().when().get("/v1/encoders").then().statusCode(200)
                .body("find { it.id == 'blazeface-back' }.loaded", equalTo(true))
                .body("find { it.id == 'blazeface-back' }.sha256.length()", equalTo(64))
                .body("find { it.id == 'gear' }.loaded", equalTo(false))
                .body("find { it.id == 'gear' }.licenceVerified", equalTo(false));
        given().when().get("/v1/backends").then().statusCode(200)
                .body("find { it.name == 'local' }.kind", equalTo("LOCAL"));
        given().when().get("/v1/strategies").then().statusCode(200)
                .body("id", hasItem("direct"))
                .body("id", hasItem("emo-llama"));
    }

    @Test
    void publishesStageTimingsAsMetrics() {
        given().multiPart("media", TestMedia.file("sample2.jpg").toFile(), "image/jpeg")
                .when().post("/v1/emotion/analyze").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("affectra_stage_seconds_count{pipeline=\"image\",stage=\"detect\"}"));
    }

    @Test
    void servesOpenApiAndHealth() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/emotion/analyze'", notNullValue());
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
