package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.llm.local.LocalCueFusionBackend;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmotionAnswerClientTest {

    private static final String GARBAGE = "The person looks quite happy to me!";

    private final OpenAiStub stub = OpenAiStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private EmotionAnswerClient client(BackendSettings vllm) {
        return new EmotionAnswerClient(TestBackends.registry(Map.of("vllm", vllm), "local"), new AnswerParser());
    }

    private EmotionAnswerClient client() {
        return client(BackendSettings.openAi(stub.baseUrl(), "qwen"));
    }

    @Test
    void validReplyIsAnsweredInOneAttempt() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("```json\n" + OpenAiBackendTest.ANSWER + "\n```", 100, 20)));

        AnsweredCall call = client().ask("vllm", OpenAiBackendTest.request());

        assertThat(call.backend()).isEqualTo("vllm");
        assertThat(call.kind()).isEqualTo(BackendKind.OPENAI);
        assertThat(call.model()).isEqualTo("qwen");
        assertThat(call.answer().label()).isEqualTo("happiness");
        assertThat(call.attempts()).isEqualTo(1);
        assertThat(call.promptTokens()).isEqualTo(100);
        assertThat(call.completionTokens()).isEqualTo(20);
        assertThat(call.backendMillis()).isGreaterThanOrEqualTo(0);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void garbageThenValidSucceedsOnTheRetry() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(GARBAGE, 100, 10)),
                Response.ok(OpenAiStub.chatCompletion(OpenAiBackendTest.ANSWER, 130, 25)));

        AnsweredCall call = client().ask("vllm", OpenAiBackendTest.request());

        assertThat(call.answer().label()).isEqualTo("happiness");
        assertThat(call.attempts()).isEqualTo(2);
        assertThat(call.promptTokens()).isEqualTo(230);
        assertThat(call.completionTokens()).isEqualTo(35);
        assertThat(stub.requests()).hasSize(2);
        JsonNode retry = stub.requests().get(1).json().path("messages");
        assertThat(retry).hasSize(4);
        assertThat(retry.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(retry.get(2).path("content").asText()).isEqualTo(GARBAGE);
        assertThat(retry.get(3).path("role").asText()).isEqualTo("user");
        assertThat(retry.get(3).path("content").asText())
                .contains("could not be used: the reply contains no JSON object")
                .contains("only the JSON object")
                .contains("neutral, happiness, sadness");
    }

    @Test
    void garbageTwiceIsInvalidAnswer() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(GARBAGE, 1, 1)),
                Response.ok(OpenAiStub.chatCompletion("{\"label\": \"boredom\", \"confidence\": 0.9}", 1, 1)));

        assertThatThrownBy(() -> client().ask("vllm", OpenAiBackendTest.request()))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackendException.Reason.INVALID_ANSWER);
                    assertThat(e.backend()).isEqualTo("vllm");
                    assertThat(e.getMessage()).contains("vllm").contains("'boredom' is not one of");
                });
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void retriesFollowTheBackendsSetting() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion(GARBAGE, 1, 1)));

        assertThatThrownBy(() -> client(BackendSettings.openAi(stub.baseUrl(), "qwen").withInvalidAnswerRetries(0))
                .ask("vllm", OpenAiBackendTest.request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.INVALID_ANSWER));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void transportFailuresAreNotRetried() {
        stub.enqueue(Response.error(503, "overloaded"));

        assertThatThrownBy(() -> client().ask("vllm", OpenAiBackendTest.request()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.reason()).isEqualTo(BackendException.Reason.UNAVAILABLE));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void noNameMeansTheDefaultLocalBackend() {
        AnsweredCall call = client().ask(null, OpenAiBackendTest.request());

        assertThat(call.backend()).isEqualTo("local");
        assertThat(call.kind()).isEqualTo(BackendKind.LOCAL);
        assertThat(call.answer().label()).isEqualTo("happiness");
        assertThat(call.answer().reasoning()).startsWith(LocalCueFusionBackend.DISCLAIMER);
        assertThat(call.promptTokens()).isZero();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void unknownBackendIsReported() {
        assertThatThrownBy(() -> client().ask("gpt-9", OpenAiBackendTest.request()))
                .isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("gpt-9").hasMessageContaining("local, vllm");
    }
}
