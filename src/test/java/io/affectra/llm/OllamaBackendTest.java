package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.affectra.vocabulary.LabelSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaBackendTest {

    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sendsMessagesAndSchemaToApiChatAndReadsTheReply() {
        stub.enqueue(Response.ok(OpenAiStub.ollamaChat(OpenAiBackendTest.ANSWER, 210, 33)));
        OllamaBackend backend = new OllamaBackendFactory().create("ollama", BackendSettings.ollama(stub.root(), "llama3.2").withTemperature(0.2));

        BackendReply reply = backend.complete(OpenAiBackendTest.request());

        assertThat(reply.promptTokens()).isEqualTo(210);
        assertThat(reply.completionTokens()).isEqualTo(33);
        OpenAiStub.RecordedRequest recorded = stub.lastRequest();
        assertThat(recorded.path()).isEqualTo("/api/chat");
        JsonNode body = recorded.json();
        assertThat(body.path("model").asText()).isEqualTo("llama3.2");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).contains("[F1.expr]");
        assertThat(body.at("/format/type").asText()).isEqualTo("object");
        assertThat(body.at("/format/properties/label/enum")).extracting(JsonNode::asText).containsExactlyElementsOf(LabelSet.CANONICAL.labels());
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.2);

        ParsedAnswer parsed = new AnswerParser().parse(reply.text(), LabelSet.CANONICAL, OpenAiBackendTest.CUES);
        assertThat(parsed.answer().label()).isEqualTo("happiness");
        assertThat(parsed.answer().cueIds()).containsExactly("F1.au.lip_corner_pull");
    }

    @Test
    void jsonModeSendsFormatJson() {
        stub.enqueue(Response.ok(OpenAiStub.ollamaChat(OpenAiBackendTest.ANSWER, 1, 1)));
        OllamaBackend backend = new OllamaBackendFactory().create("ollama",
                BackendSettings.ollama(stub.root(), "llama3.2").withStructuredOutput(StructuredOutput.JSON_OBJECT));

        backend.complete(OpenAiBackendTest.request());

        assertThat(stub.lastRequest().json().path("format").asText()).isEqualTo("json");
    }

    @Test
    void unknownModelIsRejectedAndServerErrorUnavailable() {
        stub.enqueue(Response.status(404, "{\"error\":\"model 'nope' not found\"}"), Response.status(500, "{\"error\":\"boom\"}"));
        OllamaBackend backend = new OllamaBackendFactory().create("ollama", BackendSettings.ollama(stub.root(), "nope"));

        assertThatThrownBy(() -> backend.complete(OpenAiBackendTest.request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.REJECTED));
        assertThatThrownBy(() -> backend.complete(OpenAiBackendTest.request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.UNAVAILABLE));
    }

    @Test
    void configuredKeyGoesAsBearerForAProxy() {
        stub.enqueue(Response.ok(OpenAiStub.ollamaChat(OpenAiBackendTest.ANSWER, 1, 1)));

        new OllamaBackendFactory().create("ollama", BackendSettings.ollama(stub.root(), "m").withApiKey("proxy-key")).complete(OpenAiBackendTest.request());

        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer proxy-key");
    }
}
