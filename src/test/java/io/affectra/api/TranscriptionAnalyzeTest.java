package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.media.Sha256;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStubResource;
import io.affectra.testing.TestMedia;
import io.affectra.testing.TranscriptionStub;
import io.affectra.testing.TranscriptionStub.Reply;
import io.affectra.testing.TranscriptionStub.Segment;
import io.affectra.testing.TranscriptionStub.Wav;
import io.affectra.testing.TranscriptionStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clip's words heard by a speech-to-text backend (a loopback stub of the OpenAI transcription API) when the client
 * sends no transcript: the real clip's decoded audio reaches it as a WAV, and what it heard takes the way of a timed
 * transcript, onto the time line, into the windows and their prompts, on the analyse endpoint, jobs and the chat surface.
 */
@QuarkusTest
@QuarkusTestResource(value = TranscriptionStubResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = true)
class TranscriptionAnalyzeTest {

    /** What espeak-ng says in speech.wav (see media/make-av-media.sh), where it says it. */
    private static final Segment[] SAID = {
            new Segment(0.5, 5.6, "I can't believe we actually won the final. This is the best day of my life!"),
            new Segment(7.1, 10.3, "Honestly, I was really nervous before the match."),
            new Segment(11.3, 13.8, "Thank you all so much for coming.")};

    private static final String LLM_ANSWER = "{\"label\":\"happiness\",\"confidence\":0.8,\"probabilities\":{\"neutral\":0.1,"
            + "\"happiness\":0.8,\"sadness\":0.02,\"anger\":0.02,\"fear\":0.02,\"disgust\":0.02,\"surprise\":0.02},"
            + "\"reasoning\":\"Cheerful words.\",\"cueIds\":[]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    TranscriptionStub stt;

    OpenAiStub llm;

    @Inject
    EvidenceExtractor extractor;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void setUp() {
        stt.reset();
        llm.reset();
    }

    private static ExtractableResponse<Response> analyse(String media, String mime, String options) {
        return given().multiPart("media", TestMedia.file(media).toFile(), mime).multiPart("options", options, "application/json")
                .when().post("/v1/emotion/analyze").then().statusCode(200).extract();
    }

    private static List<String> ids(JsonPath json) {
        return json.getList("cues.id");
    }

    /** Whether any cue holds words ({@code W2.T1}, {@code T1.emotion}). */
    private static boolean hasWords(List<String> ids) {
        return ids.stream().anyMatch(id -> id.matches("(W\\d+\\.)?T\\d+.*"));
    }

    @Test
    void theClipsAudioReachesTheBackendAsA16kMonoWavAndItsSegmentsBecomeTimedCuesInTheirWindows() throws Exception {
        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));

        JsonPath json = analyse("speech.wav", "audio/wav", "{\"windowSeconds\":5}").jsonPath();

        assertThat(stt.requests()).hasSize(1);
        TranscriptionStub.Upload upload = stt.lastRequest();
        assertThat(upload.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(upload.field("model")).isEqualTo("whisper-1");
        assertThat(upload.field("response_format")).isEqualTo("verbose_json");
        assertThat(upload.field("timestamp_granularities[]")).isEqualTo("segment");
        assertThat(upload.header("Authorization")).isEqualTo("Bearer sk-stt-secret");
        Wav wav = Wav.read(upload.file().bytes());
        assertThat(wav.format()).as("PCM").isEqualTo(1);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(16_000);
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(wav.sizesMatch()).as("header sizes filled in").isTrue();
        Wav original = Wav.read(Files.readAllBytes(TestMedia.file("speech.wav")));
        assertThat(wav.seconds()).as("the whole decoded clip").isCloseTo(original.seconds(), org.assertj.core.data.Offset.offset(0.05));

        assertThat(json.getString("temporal.transcription")).isEqualTo("stt/whisper-1");
        assertThat(json.getList("temporal.transcript.startMs", Integer.class)).containsExactly(500, 7100, 11300);
        assertThat(json.getList("temporal.transcript.timed", Boolean.class)).containsOnly(true);
        // Windows of 5 s: a segment is a cue in every window it overlaps.
        assertThat(ids(json)).contains("W1.T1", "W2.T1", "W2.T2", "W3.T2", "W3.T3", "W1.T1.emotion", "W2.T2.emotion", "W3.T3.emotion")
                .doesNotContain("W1.T2", "W1.T3", "W2.T3", "W3.T1");
        Map<String, Object> t3 = json.getMap("cues.find { it.id == 'W3.T3' }");
        assertThat(t3).containsEntry("label", SAID[2].text()).containsEntry("source", "transcription stt/whisper-1")
                .containsEntry("type", "transcript");
        assertThat(json.getMap("cues.find { it.id == 'W3.T3.emotion' }.span")).containsEntry("startMs", 11300).containsEntry("endMs", 13800);
        assertThat(json.getList("warnings", String.class)).noneMatch(w -> w.contains("no words"));
        assertSpoolHoldsNoRecording();
    }

    @Test
    void theAnswerPromptOfEachWindowReadsTheWordsHeardInIt() {
        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        llm.answerWith(request -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(LLM_ANSWER, 300, 40)));

        analyse("people.mp4", "video/mp4", "{\"backend\":\"stub\",\"windowSeconds\":5,\"fps\":1}");

        List<String> prompts = llm.requests().stream().map(r -> userPrompt(r.json())).toList();
        assertThat(prompts).hasSize(3);
        assertThat(prompts.get(0)).contains("[W1.T1] text speaker 0.50-5.60s: transcript I can't believe we actually won the final.",
                "<transcription stt/whisper-1>", "[W1.T1.emotion] text speaker", "Transcript:\n\"I can't believe")
                .doesNotContain("nervous");
        assertThat(prompts.get(2)).contains("[W3.T3] text speaker", "Thank you all so much for coming.", "nervous");
    }

    private static String userPrompt(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    @Test
    void neverHearsNothingAndSaysNothingAboutIt() {
        JsonPath json = analyse("speech.wav", "audio/wav", "{\"transcribe\":\"never\"}").jsonPath();

        assertThat(stt.requests()).isEmpty();
        assertThat(hasWords(ids(json))).isFalse();
        assertThat(json.getList("warnings", String.class)).noneMatch(w -> w.contains("no words"));
        assertThat(json.getString("temporal.transcription")).isNull();
    }

    @Test
    void aNamedBackendHearsTheClipWithItsOwnModel() {
        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));

        JsonPath json = analyse("speech.ogg", "audio/ogg", "{\"transcribe\":\"stt-other\"}").jsonPath();

        assertThat(stt.lastRequest().field("model")).isEqualTo("large-v3");
        // Its base URL has no /v1: the path is the same.
        assertThat(stt.lastRequest().path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(stt.lastRequest().header("Authorization")).isNull();
        assertThat(json.getString("temporal.transcription")).isEqualTo("stt-other/large-v3");
        assertThat(ids(json)).contains("W1.T1", "W1.T2", "W1.T3", "W1.T1.emotion");
    }

    @Test
    void theClientsTranscriptIsUsedInsteadOfHearingTheClip() {
        JsonPath json = given().multiPart("media", TestMedia.file("speech.wav").toFile(), "audio/wav")
                .multiPart("transcript", "We won!").multiPart("options", "{\"transcribe\":\"stt\"}", "application/json")
                .when().post("/v1/emotion/analyze").then().statusCode(200).extract().jsonPath();

        assertThat(stt.requests()).isEmpty();
        assertThat(json.getString("cues.find { it.id == 'W1.T1' }.label")).isEqualTo("We won!");
        assertThat(json.getString("temporal.transcription")).isNull();
    }

    @Test
    void anUnknownBackendIsRefusedBeforeAnyMediaIsRead() {
        for (String path : new String[] {"/v1/emotion/analyze", "/v1/emotion/jobs"}) {
            given().multiPart("media", TestMedia.file("speech.wav").toFile(), "audio/wav")
                    .multiPart("options", "{\"transcribe\":\"nope\"}", "application/json")
                    .when().post(path).then().statusCode(400)
                    .body("type", equalTo("urn:affectra:problem:invalid-options"))
                    .body("detail", containsString("no transcription backend 'nope'"));
        }
        assertThat(stt.requests()).isEmpty();
    }

    @Test
    void deidentifiedAudioGoesOnlyToATrustedBackendAndTheAnswerSaysWhenItDidNot() {
        JsonPath withheld = analyse("speech.wav", "audio/wav", "{\"deidentify\":true}").jsonPath();

        assertThat(stt.requests()).as("the untrusted default heard nothing").isEmpty();
        assertThat(hasWords(ids(withheld))).isFalse();
        assertThat(withheld.getList("privacy.withheld", String.class))
                .anyMatch(w -> w.contains("not sent to transcription backend 'stt' in de-identified mode"));

        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        JsonPath trusted = analyse("speech.wav", "audio/wav", "{\"deidentify\":true,\"transcribe\":\"stt-trusted\"}").jsonPath();

        assertThat(stt.requests()).hasSize(1);
        assertThat(ids(trusted)).contains("W1.T1", "W1.T1.emotion");
        assertThat(trusted.getList("privacy.withheld", String.class)).noneMatch(w -> w.contains("transcription"));
    }

    @Test
    void aBackendThatFailsLeavesACompleteAnalysisWithoutWordsAndAWarningSayingWhy() {
        stt.enqueue(Reply.error(500, "out of memory"), Reply.error(500, "out of memory"));
        assertUnheard(analyse("speech.wav", "audio/wav", "{}").jsonPath(), "transcription backend 'stt' answered HTTP 500, after 2 tries");
        assertThat(stt.requests()).as("one retry").hasSize(2);

        stt.reset().enqueue(Reply.ok("<html><body>Bad Gateway</body></html>"));
        assertUnheard(analyse("speech.wav", "audio/wav", "{}").jsonPath(), "transcription backend 'stt' answered something that is not JSON");

        stt.reset().enqueue(Reply.hang());
        assertUnheard(analyse("speech.wav", "audio/wav", "{\"transcribe\":\"stt-slow\"}").jsonPath(),
                "transcription backend 'stt-slow' did not answer within 300 ms");
        assertSpoolHoldsNoRecording();
    }

    private static void assertUnheard(JsonPath json, String warning) {
        assertThat(json.getList("warnings", String.class)).anyMatch(w -> w.startsWith("no words were used: " + warning));
        assertThat(hasWords(ids(json))).isFalse();
        assertThat(ids(json)).as("the voice is still measured").contains("W1.V1");
        assertThat(json.getString("answer.label")).isNotBlank();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenNothingIsSent() {
        stt.answerWith(upload -> Reply.error(503, "overloaded"));
        for (int i = 0; i < 2; i++) {
            analyse("speech.wav", "audio/wav", "{\"transcribe\":\"stt-breaker\"}");
        }
        assertThat(stt.requests()).hasSize(2);

        JsonPath json = analyse("speech.wav", "audio/wav", "{\"transcribe\":\"stt-breaker\"}").jsonPath();

        assertThat(stt.requests()).as("the open circuit sent nothing").hasSize(2);
        assertThat(json.getList("warnings", String.class))
                .anyMatch(w -> w.contains("transcription backend 'stt-breaker' was not called: its circuit is open"));
    }

    @Test
    void theEvidenceKeyNamesWhoHearsTheSpeech() {
        String sha = Sha256.of(TestMedia.file("speech.wav"));
        EvidenceOptions plain = EvidenceOptions.of(false, false, "").withSoundOnly();

        assertThat(extractor.clipKey(sha, plain).transcription()).isEqualTo("stt/whisper-1");
        assertThat(extractor.clipKey(sha, plain.withTranscribe("stt-other")).transcription()).isEqualTo("stt-other/large-v3");
        assertThat(extractor.clipKey(sha, plain.withTranscribe("never")).transcription()).isNull();
        assertThat(extractor.clipKey(sha, EvidenceOptions.of(false, true, "").withSoundOnly()).transcription())
                .as("de-identified, untrusted").isNull();
        assertThat(extractor.clipKey(sha, EvidenceOptions.of(false, false, "We won.")).transcription()).as("words sent").isNull();
    }

    @Test
    void aJobTakesTheOptionToo() throws Exception {
        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        String id = given().multiPart("media", TestMedia.file("speech.mp3").toFile(), "audio/mpeg")
                .multiPart("options", "{\"transcribe\":\"stt-other\",\"windowSeconds\":5}", "application/json")
                .when().post("/v1/emotion/jobs").then().statusCode(202).extract().path("id");

        List<JsonNode> events = follow(id);

        assertThat(events.get(events.size() - 1).path("event").asText()).isEqualTo("completed");
        JsonPath job = given().get("/v1/emotion/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("result.temporal.transcription")).isEqualTo("stt-other/large-v3");
        assertThat(job.getList("result.cues.id", String.class)).contains("W1.T1", "W3.T3");
        assertThat(stt.requests()).hasSize(1);
    }

    // ---- the chat surface ----

    private static String audioChat(String model, String text, String media, String format) {
        String data = Base64.getEncoder().encodeToString(TestMedia.bytes(media));
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"" + data + "\",\"format\":\"" + format + "\"}}]}]}";
    }

    private String forwardedSystem() {
        return llm.lastRequest().json().path("messages").get(0).path("content").asText();
    }

    @Test
    void aChatAudioPartIsHeardAndItsWordsReachTheModelBesideTheUsersOwn() {
        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        llm.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("They sound thrilled [T1].", 500, 6)));

        given().contentType("application/json").body(audioChat("heard-chat", "How does she sound?", "speech.wav", "wav"))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(stt.requests()).hasSize(1);
        assertThat(forwardedSystem()).contains("words heard by stt/whisper-1", "[T1] text speaker 0.50-5.60s: transcript I can't believe",
                "[T3] text speaker", "<transcription stt/whisper-1>", "[T1.emotion] text speaker",
                "[U1] text user: transcript How does she sound?", "<chat message>").doesNotContain("[U1.emotion]"); // a question states no feeling
    }

    @Test
    void aChatClipWhoseTranscriptionFailedIsHeardAgainOnTheNextTurn() {
        stt.enqueue(Reply.error(500, "down"), Reply.error(500, "down"));
        llm.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Hard to say.", 500, 3)),
                OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Thrilled.", 500, 1)));
        String request = audioChat("heard-chat", "Mood?", "speech.m4a", "m4a");

        String warnings = given().contentType("application/json").body(request).post("/v1/chat/completions").then().statusCode(200)
                .extract().header("x-affectra-warnings");
        assertThat(warnings).contains("audio 1: no words were used: transcription backend 'stt' answered HTTP 500");
        assertThat(forwardedSystem()).doesNotContain("[T1]");

        stt.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        given().contentType("application/json").body(request).post("/v1/chat/completions").then().statusCode(200);

        assertThat(stt.requests()).as("the failed encoding was not cached").hasSize(3);
        assertThat(forwardedSystem()).contains("[T1] text speaker");
    }

    // ---- helpers ----

    private static void assertSpoolHoldsNoRecording() throws RuntimeException {
        Path spool = Path.of("target/test-data/spool");
        if (Files.isDirectory(spool)) {
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("speech-"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Reads the job's SSE stream to its end (bounded: 120 s). */
    private List<JsonNode> follow(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "v1/emotion/jobs/" + id + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
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
