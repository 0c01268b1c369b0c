package io.affectra.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long-media jobs: submitted, followed over server-sent events, stored; interrupted ones marked failed. */
@QuarkusTest
class JobResourceTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    JobStore store;

    @Inject
    JobService service;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVideoJobReportsProgressAndWindowsThenItsAnalysis() throws Exception {
        String id = given()
                .multiPart("media", TestMedia.file("people.mp4").toFile(), "video/mp4")
                .multiPart("options", "{\"windowSeconds\":5,\"fps\":2}", "application/json")
                .when().post("/v1/emotion/jobs")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .body("status", org.hamcrest.Matchers.oneOf("queued", "running", "completed"))
                .extract().path("id");

        List<JsonNode> events = follow(id);
        List<String> kinds = events.stream().map(e -> e.path("event").asText()).toList();
        assertThat(kinds).contains("progress");
        assertThat(kinds.stream().filter("window"::equals)).hasSize(3);
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("completed");
        String analysisId = events.get(events.size() - 1).path("analysisId").asText();

        given().when().get("/v1/emotion/jobs/" + id)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("progress", equalTo(1.0f))
                .body("windowsDone", equalTo(3))
                .body("analysisId", equalTo(analysisId))
                .body("result.temporal.timeline.size()", equalTo(3));
        given().when().get("/v1/analyses/" + analysisId).then().statusCode(200);

        // A late subscriber gets the whole story, ending with the same completion.
        List<JsonNode> replay = follow(id);
        assertThat(replay.get(replay.size() - 1).path("analysisId").asText()).isEqualTo(analysisId);
    }

    @Test
    void badMediaIsRefusedAtSubmission() {
        given().multiPart("media", TestMedia.file("huge-frame.avi").toFile(), "video/x-msvideo")
                .when().post("/v1/emotion/jobs")
                .then().statusCode(413)
                .body("type", equalTo("urn:affectra:problem:video-frame-too-large"));
        given().when().get("/v1/emotion/jobs/does-not-exist")
                .then().statusCode(404)
                .body("type", equalTo("urn:affectra:problem:job-not-found"));
    }

    @Test
    void aJobInterruptedByARestartIsMarkedFailedAndItsMediaRemoved() throws Exception {
        // What a crash leaves behind: a running job and its spooled media.
        String id = java.util.UUID.randomUUID().toString();
        store.create(id, "video/mp4", "a-replica-that-crashed");
        store.running(id);
        Path spool = Files.createDirectories(Path.of("target", "test-data", "spool"));
        Path media = Files.writeString(spool.resolve(id + ".media"), "left behind");

        service.onStart(null); // what the next start does

        given().when().get("/v1/emotion/jobs/" + id)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("error.type", equalTo("interrupted"));
        assertThat(media).doesNotExist();
    }

    /** Reads the job's SSE stream to its end (bounded: 120 s). */
    private List<JsonNode> follow(String id) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "v1/emotion/jobs/" + id + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(120);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && Instant.now().isBefore(deadline)) {
                if (line.startsWith("data:")) {
                    JsonNode event = JSON.readTree(line.substring(5).trim());
                    events.add(event);
                    if (event.path("event").asText().matches("completed|failed")) {
                        break;
                    }
                }
            }
        }
        return events;
    }
}
