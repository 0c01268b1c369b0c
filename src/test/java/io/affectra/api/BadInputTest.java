package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.affectra.analysis.AnalysisStore;
import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each bad input gets its status and stable problem type, and nothing is stored for it. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AnalysisStore store;

    private long storedBefore;

    @BeforeEach
    void countStored() {
        storedBefore = store.count();
    }

    @AfterEach
    void nothingStored() {
        assertThat(store.count()).as("failed requests store nothing").isEqualTo(storedBefore);
    }

    private static void expectProblem(RequestSpecification request, int status, String slug) {
        request.when().post("/v1/emotion/analyze")
                .then().statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:affectra:problem:" + slug))
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    private static RequestSpecification image(Path file) {
        return given().multiPart("media", file.toFile(), "image/jpeg");
    }

    @Test
    void emptyMedia() {
        expectProblem(given().multiPart("media", "empty.jpg", new byte[0], "image/jpeg"), 400, "empty-media");
    }

    @Test
    void missingMediaPart() {
        expectProblem(given().multiPart("transcript", "hello"), 400, "missing-media");
        given().multiPart("transcript", "hello").when().post("/v1/emotion/analyze")
                .then().body("detail", containsString("image, video or audio"));
        given().multiPart("transcript", "hello").when().post("/v1/emotion/jobs")
                .then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:missing-media"))
                .body("detail", containsString("video or audio"));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NotAMissingRoute() {
        for (String path : new String[] {"/v1/knowledge/search?q=joy&k=abc", "/v1/evaluations?limit=many",
                "/v1/evaluations/x/cases?offset=1.5"}) {
            given().when().get(path)
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("urn:affectra:problem:invalid-query"))
                    .body("detail", not(containsString("Exception")));
        }
        given().when().get("/v1/knowledge/search?q=joy&k=0")
                .then().statusCode(400).body("type", equalTo("urn:affectra:problem:invalid-query"));
        given().when().get("/v1/no-such-route")
                .then().statusCode(404);
    }

    @Test
    void notAnImageWhateverItsNameAndTypeSay() {
        byte[] text = "This is a plain text file pretending to be a photograph.".getBytes(StandardCharsets.UTF_8);
        expectProblem(given().multiPart("media", "photo.jpg", text, "image/jpeg"), 415, "unsupported-media-type");
    }

    @Test
    void truncatedJpeg() {
        expectProblem(image(CraftedMedia.truncated("sample1.jpg", 0.6)), 422, "corrupt-media");
    }

    @Test
    void corruptJpeg() {
        expectProblem(image(CraftedMedia.corrupted("sample2.jpg")), 422, "corrupt-media");
    }

    @Test
    void decompressionBombIsRefusedFromTheHeader() {
        expectProblem(given().multiPart("media", CraftedMedia.pngDeclaring(100_000, 100_000).toFile(), "image/png"),
                413, "image-too-many-pixels");
    }

    @Test
    void jpegDecompressionBombIsRefusedFromItsFrameHeader() {
        expectProblem(given().multiPart("media", "bomb.jpg", CraftedMedia.jpegDeclaring("sample1.jpg", 60_000, 50_000), "image/jpeg"),
                413, "image-too-many-pixels");
    }

    @Test
    void tooLargeAFile() {
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(TestMedia.bytes("sample1.jpg"), 0, big, 0, 1000);
        expectProblem(given().multiPart("media", "big.jpg", big, "image/jpeg"), 413, "media-too-large");
    }

    @Test
    void unknownBackend() {
        expectProblem(image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"backend\":\"nope\"}", "application/json"),
                400, "unknown-backend");
    }

    @Test
    void unknownStrategy() {
        expectProblem(image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"strategy\":\"nope\"}", "application/json"),
                400, "unknown-strategy");
    }

    @Test
    void malformedOptionsJson() {
        expectProblem(image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"backend\": ", "application/json"),
                400, "invalid-options");
    }

    @Test
    void unknownOptionField() {
        expectProblem(image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"bakend\":\"local\"}", "application/json"),
                400, "invalid-options");
    }

    @Test
    void invalidLabels() {
        expectProblem(image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"labels\":[\"Happy Face!\"]}", "application/json"),
                400, "invalid-options");
    }

    @Test
    void backendDownNamesTheBackend() {
        image(TestMedia.file("sample3.jpg")).multiPart("options", "{\"backend\":\"down\"}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(502)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:affectra:problem:backend-unavailable"))
                .body("backend", equalTo("down"));
    }

    @Test
    void wrongContentType() {
        given().contentType("application/json").body("{}")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:affectra:problem:unsupported-content-type"));
    }

    @Test
    void unknownAnalysis() {
        given().when().get("/v1/analyses/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:affectra:problem:analysis-not-found"));
    }
}
