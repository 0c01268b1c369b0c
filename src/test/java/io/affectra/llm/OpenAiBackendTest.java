package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.cue.CueRenderer;
import io.affectra.cue.CueSet;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.affectra.vocabulary.LabelSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiBackendTest {

    static final CueSet CUES = new CueSet(List.of(TestCues.expression("F1", "happiness", 0.9), TestCues.actionUnit("F1", "lip_corner_pull", 0.8)));
    static final String ANSWER = "{\"label\":\"happiness\",\"confidence\":0.85,\"probabilities\":{\"happiness\":0.85,\"neutral\":0.15},"
            + "\"reasoning\":\"Smiling [F1.au.lip_corner_pull].\",\"cueIds\":[\"F1.au.lip_corner_pull\"]}";

    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    static BackendRequest request() {
        String cueText = new CueRenderer().render(CUES);
        return AnswerSchema.request(List.of(
                PromptMessage.system("You recognise emotions from cues. Answer in JSON."),
                PromptMessage.user("Cues:\n" + cueText + "\nWhich emotion?")), CUES, LabelSet.CANONICAL);
    }

    private OpenAiBackend backend(BackendSettings settings) {
        return new OpenAiBackendFactory().create("vllm", settings);
    }

    private OpenAiBackend backend() {
        return backend(BackendSettings.openAi(stub.baseUrl(), "qwen2.5-vl-7b").withTimeout(Duration.ofSeconds(10)));
    }

    @Test
    void sendsMessagesModelAndSchemaAndReadsTheReply() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(ANSWER, 321, 45)));

        BackendReply reply = backend().complete(request());

        assertThat(reply.text()).isEqualTo(ANSWER);
        assertThat(reply.promptTokens()).isEqualTo(321);
        assertThat(reply.completionTokens()).isEqualTo(45);
        OpenAiStub.RecordedRequest recorded = stub.lastRequest();
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        JsonNode body = recorded.json();
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5-vl-7b");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).contains("[F1.au.lip_corner_pull] face F1");
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("emotion_answer");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema/properties/label/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(LabelSet.CANONICAL.labels());
        assertThat(format.at("/json_schema/schema/properties/confidence/maximum").asInt()).isEqualTo(1);
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer none");
    }

    @Test
    void sendsTheConfiguredKeyAndTemperature() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)));

        backend(BackendSettings.openAi(stub.baseUrl(), "m").withApiKey("sk-test").withTemperature(0.0)).complete(request());

        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(stub.lastRequest().json().path("temperature").asDouble(-1)).isEqualTo(0.0);
    }

    @Test
    void aRequestsSamplingOverridesTheConfiguredOneOnTheWire() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)), Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)));
        OpenAiBackend backend = backend(BackendSettings.openAi(stub.baseUrl(), "m").withTemperature(0.0));

        backend.complete(request().withSampling(new Sampling(0.7, null, 64)));
        JsonNode unseeded = stub.lastRequest().json();
        assertThat(unseeded.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(unseeded.path("max_tokens").asInt(unseeded.path("max_completion_tokens").asInt())).isEqualTo(64);
        assertThat(unseeded.has("seed")).isFalse();
        assertThat(unseeded.at("/response_format/type").asText()).isEqualTo("json_schema");

        // A seed travels as the provider's parameter, with everything else kept.
        backend.complete(request().withSampling(new Sampling(0.3, 42L, null)));
        JsonNode seeded = stub.lastRequest().json();
        assertThat(seeded.path("seed").asInt()).isEqualTo(42);
        assertThat(seeded.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(seeded.at("/response_format/json_schema/name").asText()).isEqualTo("emotion_answer");
    }

    @Test
    void jsonObjectModeAndNoneMode() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)), Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)));

        backend(BackendSettings.openAi(stub.baseUrl(), "m").withStructuredOutput(StructuredOutput.JSON_OBJECT)).complete(request());
        assertThat(stub.lastRequest().json().at("/response_format/type").asText()).isEqualTo("json_object");

        backend(BackendSettings.openAi(stub.baseUrl(), "m").withStructuredOutput(StructuredOutput.NONE)).complete(request());
        assertThat(stub.lastRequest().json().has("response_format")).isFalse();
    }

    @Test
    void http500IsUnavailable() {
        stub.enqueue(Response.error(500, "model crashed"));

        assertThatThrownBy(() -> backend().complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackendException.Reason.UNAVAILABLE);
                    assertThat(e.backend()).isEqualTo("vllm");
                    assertThat(e.getMessage()).contains("vllm").contains("500");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void nothingListeningIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OpenAiBackend backend = backend(BackendSettings.openAi("http://127.0.0.1:" + port + "/v1", "m").withTimeout(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> backend.complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackendException.Reason.UNAVAILABLE);
                    assertThat(e.backend()).isEqualTo("vllm");
                });
    }

    @Test
    void slowReplyIsTimeout() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(ANSWER, 1, 1)).delayed(Duration.ofSeconds(2)));
        OpenAiBackend backend = backend(BackendSettings.openAi(stub.baseUrl(), "m").withTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> backend.complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.TIMEOUT));
    }

    @Test
    void http401IsRejected() {
        stub.enqueue(Response.error(401, "Incorrect API key provided"));

        assertThatThrownBy(() -> backend().complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackendException.Reason.REJECTED);
                    assertThat(e.getMessage()).contains("401");
                });
    }

    @Test
    void unknownModelIsRejected() {
        stub.enqueue(Response.error(404, "The model `nope` does not exist"));

        assertThatThrownBy(() -> backend().complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.REJECTED));
    }

    @Test
    void rateLimitIsUnavailableNotRejected() {
        stub.enqueue(Response.error(429, "slow down"));

        assertThatThrownBy(() -> backend().complete(request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.UNAVAILABLE));
    }
}
