package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.testing.CraftedMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Media whose header understates its duration (sync limit 3 s, media limit 4 s here): the limits hold on what is
 * decoded, and what is accepted is reported with its real length.
 */
@QuarkusTest
@TestProfile(TightDurationLimits.class)
class UnderstatedDurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aVideoLongerThanItsHeaderSaysIsRefusedOnTheSynchronousPath() {
        given().multiPart("media", CraftedMedia.mp4Understating(8, 1).toFile(), "video/mp4")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:affectra:problem:use-jobs"))
                .body("detail", containsString("header declares 1 s"));
    }

    @Test
    void audioLongerThanItsHeaderSaysIsRefusedOnTheSynchronousPath() {
        // speech.mp3 runs 14.5 s; its header says 1 s.
        given().multiPart("media", CraftedMedia.mp3DeclaringSeconds(1).toFile(), "audio/mpeg")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(413)
                .body("type", equalTo("urn:affectra:problem:use-jobs"));
    }

    @Test
    void aVideoLongerThanItsHeaderSaysIsReportedWithItsDecodedLength() {
        JsonPath result = given().multiPart("media", CraftedMedia.mp4Understating(3, 1).toFile(), "video/mp4")
                .multiPart("options", "{\"windowSeconds\":1,\"fps\":2}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .extract().jsonPath();

        long duration = result.getLong("media.durationMs");
        assertThat(duration).as("the last decoded frame, not the header's 1000 ms").isBetween(2_500L, 3_000L);
        List<Integer> ends = result.getList("temporal.timeline.endMs");
        assertThat(result.getList("temporal.timeline.startMs")).first().isEqualTo(0);
        assertThat(ends).hasSize(3).last().isEqualTo((int) duration);
        assertThat(result.getList("warnings", String.class)).anyMatch(w -> w.contains("header declares 1.0 s"));
    }

    @Test
    void aChatVideoPartLongerThanItsHeaderSaysIsRefused() throws Exception {
        String clip = "data:video/mp4;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(CraftedMedia.mp4Understating(8, 1)));
        String body = new JsonObject(Map.of("model", "affectra-cues", "messages", List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "text", "text", "How do they come across?"),
                Map.of("type", "video_url", "video_url", Map.of("url", clip))))))).encode();
        given().contentType("application/json").body(body).when().post("/v1/chat/completions")
                .then().statusCode(413)
                .body("error.code", equalTo("use_jobs"))
                .body("error.param", equalTo("messages[0].content[1]"));
    }

    @Test
    void aJobDecodesNoFurtherThanTheMediaLimit() throws Exception {
        String id = given().multiPart("media", CraftedMedia.mp4Understating(8, 1).toFile(), "video/mp4")
                .multiPart("options", "{\"fps\":1}", "application/json")
                .when().post("/v1/emotion/jobs")
                .then().statusCode(202)
                .extract().path("id");

        JsonNode last = lastEvent(id);
        assertThat(last.path("event").asText()).isEqualTo("failed");
        assertThat(last.path("errorType").asText()).isEqualTo("media-too-long");
    }

    /** Reads the job's event stream to its final event (bounded by the request timeout). */
    private JsonNode lastEvent(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "v1/emotion/jobs/" + id + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonNode event = JSON.readTree(line.substring(5).trim());
                    if (event.path("event").asText().matches("completed|failed")) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("the event stream ended without a final event");
    }
}
