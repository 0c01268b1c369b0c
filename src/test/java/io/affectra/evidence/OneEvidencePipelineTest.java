package io.affectra.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.eval.CaseEvidence;
import io.affectra.gateway.ModelCatalog;
import io.affectra.gateway.media.MediaCues;
import io.affectra.gateway.media.MediaPart;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The same media read with the same options is the same evidence wherever it arrives: the analyse endpoint, a job, an
 * evaluation case and a chat media part carry the same cue ids and values (real models, real shipped media).
 */
@QuarkusTest
class OneEvidencePipelineTest {

    private static final Path PHOTO = TestMedia.file("sample3.jpg");
    private static final Path CLIP = Path.of("examples", "people.mp4");
    /** One window longer than the clip: the analyse endpoint and jobs then read it as chats and evaluations do. */
    private static final String ONE_WINDOW = "{\"windowSeconds\":3600}";

    @Inject
    ObjectMapper json;

    @Inject
    CaseEvidence cases;

    @Inject
    MediaCues chat;

    @Inject
    ModelCatalog models;

    @Test
    void aPhotographIsTheSameEvidenceOnEverySurface() {
        JsonNode served = analysed(PHOTO, null, "{}");

        assertThat(ids(served)).contains("F1.expr", "F2.expr", "P1.body");
        assertThat(job(PHOTO, null, "{}")).as("a job").isEqualTo(served);
        assertThat(evaluationCase(PHOTO, null, false)).as("an evaluation case").isEqualTo(served);
        assertThat(chatPart(PHOTO, MediaPart.Kind.IMAGE, "affectra-cues")).as("a chat part").isEqualTo(served);
    }

    @Test
    void deemoReadsBodyLanguageFromAPhotographOnEverySurface() {
        JsonNode served = analysed(PHOTO, null, "{\"strategy\":\"deemo\"}");

        assertThat(served).isNotEmpty().allSatisfy(c -> assertThat(c.path("modality").asText()).isEqualTo("BODY"));
        assertThat(job(PHOTO, null, "{\"strategy\":\"deemo\"}")).as("a job").isEqualTo(served);
        assertThat(evaluationCase(PHOTO, null, true)).as("a deemo evaluation case").isEqualTo(served);
        assertThat(chatPart(PHOTO, MediaPart.Kind.IMAGE, "affectra-deemo")).as("an affectra-deemo chat part").isEqualTo(served);
        // And the deemo chat model answers over them, and over the user's words beside them (U1; a question gets no U1.emotion).
        String cueCount = given().contentType("application/json").body(chatRequest("affectra-deemo", PHOTO))
                .post("/v1/chat/completions").then().statusCode(200).extract().header("x-affectra-cues");
        assertThat(cueCount).isEqualTo(Integer.toString(served.size() + 1));
    }

    @Test
    void aTranscriptWithAPhotographIsTheSameEvidenceForAnalysesJobsAndEvaluations() {
        String words = "I am so happy and excited, this is wonderful!";
        JsonNode served = analysed(PHOTO, words, "{}");

        assertThat(ids(served)).contains("F1.expr", "P1.body", "T1", "T1.emotion");
        // In the encoders' order, as the analyse endpoint always listed them: faces, then body language, then the words.
        assertThat(StreamSupport.stream(served.spliterator(), false).map(c -> c.path("modality").asText()).distinct().toList())
                .containsExactly("FACE", "BODY", "TEXT");
        assertThat(job(PHOTO, words, "{}")).as("a job").isEqualTo(served);
        assertThat(evaluationCase(PHOTO, words, false)).as("an evaluation case with the words as its text").isEqualTo(served);
    }

    @Test
    void aClipIsTheSameEvidenceOnEverySurface() {
        JsonNode served = unwindowed(analysed(CLIP, null, ONE_WINDOW));

        assertThat(ids(served)).contains("V1", "P1.body", "F1.expr");
        assertThat(unwindowed(job(CLIP, null, ONE_WINDOW))).as("a job").isEqualTo(served);
        assertThat(evaluationCase(CLIP, null, false)).as("an evaluation case").isEqualTo(served);
        assertThat(chatPart(CLIP, MediaPart.Kind.VIDEO, "affectra-cues")).as("a chat part").isEqualTo(served);
    }

    // ---- the four surfaces ----

    private JsonNode analysed(Path media, String transcript, String options) {
        return tree(upload(media, transcript, options).post("/v1/emotion/analyze").then().statusCode(200).extract().asString())
                .path("cues");
    }

    private JsonNode job(Path media, String transcript, String options) {
        String id = upload(media, transcript, options).post("/v1/emotion/jobs").then().statusCode(202).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = tree(given().get("/v1/emotion/jobs/" + id).then().statusCode(200).extract().asString());
            if (!job.path("status").asText().matches("queued|running")) {
                assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
                return job.path("result").path("cues");
            }
            sleep();
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }

    /** What a case reads; a strategy such as deemo asks for de-identified evidence. */
    private JsonNode evaluationCase(Path media, String text, boolean deidentified) {
        return tree(cases.of(media, text, false, deidentified, CaseEvidence.newCache()).cues().cues());
    }

    private JsonNode chatPart(Path media, MediaPart.Kind kind, String model) {
        MediaPart part = new MediaPart(1, 0, 1, kind, dataUri(media), null);
        return tree(chat.build(List.of(part), models.resolve(model).orElseThrow(), false).cues().cues());
    }

    // ---- helpers ----

    private static RequestSpecification upload(Path media, String transcript, String options) {
        RequestSpecification request = given().multiPart("media", media.toFile(), media.toString().endsWith(".mp4") ? "video/mp4" : "image/jpeg")
                .multiPart("options", options, "application/json");
        return transcript == null ? request : request.multiPart("transcript", transcript);
    }

    private static String chatRequest(String model, Path image) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"How do they feel?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + dataUri(image) + "\"}}]}]}";
    }

    private static String dataUri(Path media) {
        try {
            String type = media.toString().endsWith(".mp4") ? "video/mp4" : "image/jpeg";
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(media));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through JSON text, as the HTTP surfaces send it, so that numbers compare alike. */
    private JsonNode tree(Object value) {
        try {
            return json.readTree(value instanceof String s ? s : json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A windowed clip's ids without their only window's prefix ({@code W1.V1} is {@code V1} read whole). */
    private static JsonNode unwindowed(JsonNode cues) {
        ArrayNode out = cues.deepCopy();
        for (JsonNode cue : out) {
            String id = cue.path("id").asText();
            assertThat(id).startsWith("W1.");
            ((ObjectNode) cue).put("id", id.substring(3));
        }
        return out;
    }

    private static List<String> ids(JsonNode cues) {
        List<String> ids = new ArrayList<>();
        StreamSupport.stream(cues.spliterator(), false).forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
