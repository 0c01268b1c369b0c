package io.affectra.api.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartInputAudio;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audio ({@code input_audio}) and video ({@code video_url}) parts on the chat surface: real clips go through the same
 * temporal pipeline as {@code /v1/emotion/analyze}, and the backend receives their voice, body and face cues.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class ChatAvMediaTest {

    OpenAiStub stub;

    @TestHTTPResource("/v1")
    URL base;

    OpenAIClient client;

    @jakarta.inject.Inject
    io.affectra.gateway.media.EncodedMediaCache mediaCache;

    @BeforeEach
    void setUp() {
        stub.reset();
        client = Sdk.client(base, "sk-any");
    }

    private static ChatCompletionContentPart audio(String media, ChatCompletionContentPartInputAudio.InputAudio.Format format) {
        return ChatCompletionContentPart.ofInputAudio(ChatCompletionContentPartInputAudio.builder()
                .inputAudio(ChatCompletionContentPartInputAudio.InputAudio.builder()
                        .data(Base64.getEncoder().encodeToString(TestMedia.bytes(media))).format(format).build())
                .build());
    }

    /** The SDK has no video part type: vLLM's {@code video_url} extension goes as raw JSON, as SDK users send it. */
    private static String videoRequest(String model, String media, String mime) {
        String uri = "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(TestMedia.bytes(media));
        return new JsonObject(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "text", "text", "How do they come across?"),
                Map.of("type", "video_url", "video_url", Map.of("url", uri))))))).encode();
    }

    private String forwardedSystem() {
        assertThat(stub.requests()).as("requests that reached the backend").isNotEmpty();
        return stub.lastRequest().json().path("messages").get(0).path("content").asText();
    }

    @Test
    void spokenAudioReachesATextBackendAsVoiceCues() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("The speaker sounds animated [V1].", 500, 9)));

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(ChatCompletionCreateParams.builder()
                .model("emo-text").addUserMessageOfArrayOfContentParts(List.of(Sdk.text("How does the speaker feel?"),
                        audio("speech.wav", ChatCompletionContentPartInputAudio.InputAudio.Format.WAV))).build());

        assertThat(raw.parse().choices().get(0).message().content().orElseThrow()).contains("[V1]");
        assertThat(Integer.parseInt(raw.headers().values("x-affectra-cues").get(0))).isGreaterThanOrEqualTo(3);
        String system = forwardedSystem();
        assertThat(system).contains("audio 1: WAV audio", "speech segments", "[V1] voice", "[V2] voice", "<silero_vad_v5+prosody>");
        // Timed cues: each voice segment says where in the clip it is.
        assertThat(system).containsPattern("\\[V1\\] voice \\S+ \\d+\\.\\d\\d-\\d+\\.\\d\\ds");
        JsonNode user = stub.lastRequest().json().path("messages").get(1).path("content");
        assertThat(user.asText()).contains("[audio 1: not shown to you");
        assertThat(stub.lastRequest().body()).doesNotContain("UklGR"); // no WAV bytes reach a text-only backend
    }

    @Test
    void aMultimodalBackendGetsTheAudioItselfAndItsCues() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Cheerful.", 500, 2)));

        client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-vision")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"),
                        audio("speech.mp3", ChatCompletionContentPartInputAudio.InputAudio.Format.MP3))).build());

        assertThat(forwardedSystem()).contains("[V1] voice", "You also receive the media itself");
        JsonNode parts = stub.lastRequest().json().path("messages").get(1).path("content");
        assertThat(parts.get(1).path("type").asText()).isEqualTo("input_audio");
        assertThat(parts.get(1).path("input_audio").path("format").asText()).isEqualTo("mp3");
    }

    @Test
    void aVideoReachesTheBackendAsBodyFaceAndVoiceCues() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("They look relaxed [P1.body].", 900, 7)));

        given().contentType("application/json").body(videoRequest("emo-text", "people.mp4", "video/mp4"))
                .post("/v1/chat/completions").then().statusCode(200);

        String system = forwardedSystem();
        assertThat(system).contains("video 1: MP4 video", "1280x900", "face track", "[V1] voice");
        assertThat(system).containsPattern("\\[P\\d+\\.body\\] body");
        assertThat(system).containsPattern("\\[F\\d+\\.expr\\] face");
        assertThat(stub.lastRequest().body()).doesNotContain("base64");
    }

    @Test
    void aDeidentifiedModelGetsNoFaceCueFromAVideoAndNoVideo() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Calm posture.", 600, 3)));

        given().contentType("application/json").body(videoRequest("emo-private", "people.webm", "video/webm"))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(stub.lastRequest().body()).doesNotContain("base64");
        String system = forwardedSystem();
        assertThat(system).doesNotContainPattern("(?m)^\\[F\\d").doesNotContain("] face ").doesNotContain(".au.")
                .contains("0 face tracks", "de-identified mode").containsPattern("(?m)^\\[P1\\.body\\] body").contains("] voice ");
    }

    @Test
    void theDeemoModelAnswersOfflineFromBodyVoiceAndWords() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder().model("affectra-deemo")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("How does the speaker feel?"),
                        audio("speech.ogg", ChatCompletionContentPartInputAudio.InputAudio.Format.of("ogg")))).build());

        String answer = completion.choices().get(0).message().content().orElseThrow();
        assertThat(answer).containsPattern("^\\w+ \\(confidence \\d\\.\\d\\d\\)").contains("Offline cue-fusion reasoner", "[V");
        assertThat(stub.requests()).isEmpty(); // the offline reasoner, not the stub
    }

    @Test
    void aClipSentAgainOnTheNextTurnIsNotEncodedAgain() {
        ChatCompletionContentPart clip = audio("speech.m4a", ChatCompletionContentPartInputAudio.InputAudio.Format.of("m4a"));
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Cheerful.", 500, 2)), Response.ok(OpenAiStub.chatCompletion("Still cheerful.", 600, 3)));
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), clip)).build();
        client.chat().completions().create(first);
        String firstContext = forwardedSystem();
        long hits = mediaCache.hits();

        // The client resends the whole conversation, clip included, with the next question.
        client.chat().completions().create(first.toBuilder().addAssistantMessage("Cheerful.").addUserMessage("Why?").build());

        assertThat(mediaCache.hits()).isEqualTo(hits + 1);
        // The clip's cues are the same; the user's words are the new turn's.
        assertThat(withoutUserWords(forwardedSystem())).isEqualTo(withoutUserWords(firstContext));
        assertThat(firstContext).contains("[U1] text user: transcript Mood?");
        assertThat(forwardedSystem()).contains("[U1] text user: transcript Why?");
    }

    private static String withoutUserWords(String context) {
        return context.replaceAll("(?m)^\\[U1.*$\\R?", "");
    }

    @Test
    void theUsersOwnWordsAreACueBesideTheirMedia() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("That sounds hard [U1.emotion].", 500, 7)));

        client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("I can't stop crying"),
                        audio("speech.wav", ChatCompletionContentPartInputAudio.InputAudio.Format.WAV))).build());

        assertThat(forwardedSystem()).contains("[U1] text user: transcript I can't stop crying 1.00 <chat message>",
                "[U1.emotion] text user: text-emotion sadness", "[V1] voice");
    }

    @Test
    void inAnswerModeTheUsersWordsMoveTheAnswer() throws Exception {
        double calm = sadness("How does the speaker feel?");
        double crying = sadness("I can't stop crying");

        assertThat(crying).as("sadness once the user says they cannot stop crying").isGreaterThan(calm + 0.05);
    }

    private double sadness(String text) throws IOException {
        String data = Base64.getEncoder().encodeToString(TestMedia.bytes("speech.mp3"));
        String body = new JsonObject(Map.of("model", "affectra-local", "response_format", Map.of("type", "json_object"),
                "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", text),
                        Map.of("type", "input_audio", "input_audio", Map.of("data", data, "format", "mp3"))))))).encode();
        String content = given().contentType("application/json").body(body).post("/v1/chat/completions").then().statusCode(200)
                .extract().path("choices[0].message.content");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(content).path("probabilities").path("sadness").asDouble();
    }

    @Test
    void thePepMekModelIsListed() {
        assertThat(client.models().list().data()).anySatisfy(m -> assertThat(m.id()).isEqualTo("affectra-pep-mek"))
                .anySatisfy(m -> assertThat(m.id()).isEqualTo("affectra-deemo"));
    }

    @Test
    void audioOnlyBytesSentAsVideoAreRefusedNamingThePart() {
        given().contentType("application/json").body(videoRequest("emo-text", "speech.m4a", "video/mp4"))
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType("application/json")
                .body("error.code", equalTo("no_video_stream"))
                .body("error.param", equalTo("messages[0].content[1]"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void bytesThatAreNotAudioAreA400() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), ChatCompletionContentPart.ofInputAudio(
                        ChatCompletionContentPartInputAudio.builder().inputAudio(ChatCompletionContentPartInputAudio.InputAudio.builder()
                                .data(Base64.getEncoder().encodeToString("this is not a sound file at all, only words".repeat(20).getBytes()))
                                .format(ChatCompletionContentPartInputAudio.InputAudio.Format.WAV).build()).build()))).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("messages[0].content[1]"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aPhotographSentAsAudioIsRefused() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"),
                        audio("sample1.jpg", ChatCompletionContentPartInputAudio.InputAudio.Format.WAV))).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).contains("image_url"));
    }

    @Test
    void nothingIsLeftInTheSpoolAfterACall() throws IOException {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Fine.", 10, 1)));
        client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"),
                        audio("speech.ogg", ChatCompletionContentPartInputAudio.InputAudio.Format.of("ogg")))).build());

        Path spool = Path.of("target/test-data/spool");
        if (Files.isDirectory(spool)) {
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("chat-"))).isEmpty();
            }
        }
    }
}
