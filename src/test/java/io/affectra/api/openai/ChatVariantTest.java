package io.affectra.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.affectra.prompt.PromptRegistry;
import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A prompt variant and a strategy chosen per request on the chat surface ({@code <model>@<variant>},
 * {@code affectra.variant}, {@code affectra.strategy}), driven by the official OpenAI SDK: what the backend is sent,
 * which template the reply records, and the errors for what cannot be served.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class ChatVariantTest {

    /** The first words of each template's system section, as a backend reads them. */
    private static final String DIRECT = "You are an emotion-recognition assistant.";
    private static final String EMO_LLAMA = "Facial Action Coding System (FACS)";

    OpenAiStub stub;

    @Inject
    PromptRegistry prompts;

    @TestHTTPResource("/v1")
    URL base;

    OpenAIClient client;

    @BeforeEach
    void setUp() {
        stub.reset();
        client = Sdk.client(base, "sk-client-key");
    }

    private static ChatCompletionCreateParams.Builder chat(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("How do they feel?");
    }

    private static ChatCompletionCreateParams.Builder withImage(String model) {
        return ChatCompletionCreateParams.builder().model(model)
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("How do they feel?"), Sdk.image(Sdk.dataUri("sample1.jpg"))));
    }

    private static ChatCompletionCreateParams.Builder choosing(ChatCompletionCreateParams.Builder params, Map<String, String> affectra) {
        return params.putAdditionalBodyProperty("affectra", JsonValue.from(affectra));
    }

    private void answerOnce() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("""
                {"label":"neutral","confidence":0.6,"probabilities":{"neutral":0.6,"happiness":0.1,"sadness":0.1,"anger":0.05,
                 "fear":0.05,"disgust":0.05,"surprise":0.05},"reasoning":"Nothing was measured.","cueIds":[]}""", 300, 30)));
    }

    private String sentSystem() {
        assertThat(stub.requests()).as("requests that reached the backend").hasSize(1);
        return stub.lastRequest().json().path("messages").get(0).path("content").asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recorded(ChatCompletion completion) {
        return completion._additionalProperties().get("affectra").convert(Map.class);
    }

    private String sha256(String template) {
        return prompts.get(template).hash();
    }

    // ---- answer mode on an LLM backend: the prompt the backend reads ----

    @Test
    void aModelSuffixRendersTheVariantInPlaceOfTheStrategysTemplate() {
        answerOnce();
        ChatCompletion completion = client.chat().completions().create(chat("emo-answer@emo-llama").temperature(0.3).seed(7).build());

        assertThat(sentSystem()).contains(EMO_LLAMA).doesNotContain(DIRECT);
        assertThat(recorded(completion)).containsEntry("strategy", "direct").containsEntry("template", "emotion/emo-llama@1")
                .containsEntry("template_sha256", sha256("emotion/emo-llama"));
        // The request's sampling parameters reach the strategy's backend call.
        JsonNode sent = stub.lastRequest().json();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("seed").asLong()).isEqualTo(7);
    }

    @Test
    void theVersionedTaskQualifiedSuffixAndTheBodyFieldDoTheSame() {
        answerOnce();
        client.chat().completions().create(chat("emo-answer@emotion/emo-llama@1").build());
        String bySuffix = sentSystem();
        stub.reset();
        answerOnce();
        ChatCompletion byBody = client.chat().completions().create(choosing(chat("emo-answer"), Map.of("variant", "emotion/emo-llama")).build());

        assertThat(sentSystem()).isEqualTo(bySuffix).contains(EMO_LLAMA);
        assertThat(recorded(byBody)).containsEntry("template", "emotion/emo-llama@1");
        // The extension is Affectra's: no backend gets it.
        assertThat(stub.lastRequest().body()).doesNotContain("\"affectra\"");
    }

    @Test
    void withoutAVariantTheModelsOwnTemplateAnswers() {
        answerOnce();
        ChatCompletion completion = client.chat().completions().create(chat("emo-answer").build());

        assertThat(sentSystem()).contains(DIRECT).doesNotContain(EMO_LLAMA);
        assertThat(recorded(completion)).containsEntry("strategy", "direct").containsEntry("template", "emotion/direct@1")
                .containsEntry("template_sha256", sha256("emotion/direct"));
    }

    // ---- answer mode on the offline reasoner: the recorded template ----

    @Test
    void theLocalReasonerRecordsTheVariantAndTheStrategyChosen() {
        Map<String, Object> plain = recorded(client.chat().completions().create(chat("affectra-local").build()));
        Map<String, Object> variant = recorded(client.chat().completions().create(chat("affectra-local@emo-llama").build()));
        Map<String, Object> strategy = recorded(client.chat().completions().create(
                choosing(chat("affectra-local"), Map.of("strategy", "emo-llama")).build()));

        assertThat(plain).containsEntry("strategy", "direct").containsEntry("template", "emotion/direct@1");
        assertThat(variant).containsEntry("strategy", "direct").containsEntry("template", "emotion/emo-llama@1")
                .containsEntry("template_sha256", sha256("emotion/emo-llama"));
        assertThat(strategy).containsEntry("strategy", "emo-llama").containsEntry("template", "emotion/emo-llama@1");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aStreamNamesTheTemplateInItsHeaders() {
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(chat("affectra-local@emo-llama").build());
        try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
            assertThat(stream.stream().count()).isPositive();
        }

        assertThat(raw.headers().values("x-affectra-template")).containsExactly("emotion/emo-llama@1");
        assertThat(raw.headers().values("x-affectra-template-sha256")).containsExactly(sha256("emotion/emo-llama"));
    }

    // ---- chat mode: the cue context's template ----

    @Test
    void aChatModelsVariantRendersTheCueContextAndThePlaceholders() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Calm.", 700, 2)), Response.ok(OpenAiStub.chatCompletion("Calm.", 700, 2)));

        client.chat().completions().create(withImage("emo-text").build());
        JsonNode plain = stub.lastRequest().json().path("messages");
        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(choosing(withImage("emo-text"), Map.of("variant", "facial-priors")).build());
        raw.parse();
        JsonNode variant = stub.lastRequest().json().path("messages");

        assertThat(plain.get(0).path("content").asText()).contains("Measurement models").doesNotContain("Facial priors (");
        assertThat(variant.get(0).path("content").asText()).contains("Facial priors (", "[F1.expr]");
        // The variant's [user] section stands in for the image the text-only backend does not get.
        assertThat(variant.get(1).path("content").asText()).contains("its facial priors are in the system message");
        assertThat(raw.headers().values("x-affectra-template")).containsExactly("chat/facial-priors@1");
        assertThat(raw.headers().values("x-affectra-template-sha256")).containsExactly(sha256("chat/facial-priors"));
        assertThat(stub.lastRequest().json().has("affectra")).isFalse();
    }

    // ---- what cannot be served: OpenAI's error shape, before any backend call ----

    @Test
    void anUnknownVariantInTheModelIdIsAnUnknownModel() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("emo-answer@no-such-variant").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.param()).contains("model");
                    assertThat(e.getMessage()).contains("emo-answer@no-such-variant", "emotion/no-such-variant");
                });
        assertThatThrownBy(() -> client.chat().completions().create(chat("emo-answer@emo-llama@7").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.getMessage()).contains("at version 1, not 7");
                });
        assertThatThrownBy(() -> client.chat().completions().create(chat("no-such-model@emo-llama").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void whatCannotApplyIsA400NamingTheField() {
        assertRejected(choosing(chat("emo-answer"), Map.of("variant", "emotion/no-such-variant")), "affectra.variant", "unknown_variant");
        assertRejected(chat("emo-answer@chat/cue-context"), "model", "variant_not_applicable");
        assertRejected(choosing(chat("emo-answer"), Map.of("variant", "emo-llama", "strategy", "pep-mek")), "affectra.variant",
                "variant_not_applicable");
        assertRejected(chat("gw/stub-model@cue-context"), "model", "variant_not_applicable");
        assertRejected(choosing(chat("emo-answer@emo-llama"), Map.of("variant", "emo-llama")), "affectra.variant", "variant_conflict");
        assertRejected(choosing(chat("emo-answer"), Map.of("strategy", "no-such-strategy")), "affectra.strategy", "unknown_strategy");
        assertRejected(choosing(chat("emo-text"), Map.of("strategy", "direct")), "affectra.strategy", "strategy_not_applicable");
        assertRejected(choosing(chat("emo-answer"), Map.of("varient", "emo-llama")), "affectra.varient", "unknown_parameter");
        assertThat(stub.requests()).isEmpty();
    }

    private void assertRejected(ChatCompletionCreateParams.Builder params, String param, String code) {
        assertThatThrownBy(() -> client.chat().completions().create(params.build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).as("param").contains(param);
                    assertThat(e.code()).as("code").contains(code);
                    assertThat(e.type()).contains("invalid_request_error");
                });
    }
}
