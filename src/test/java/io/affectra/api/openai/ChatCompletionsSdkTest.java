package io.affectra.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.models.Model;
import io.affectra.testing.FaultInjectingEncoder;
import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible surface driven by the official OpenAI Java SDK, unchanged, against an OpenAI-compatible stub
 * on loopback: what the SDK gets back, and exactly what reached the backend.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class ChatCompletionsSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    OpenAiStub stub;

    @TestHTTPResource("/v1")
    URL base;

    OpenAIClient client;

    @BeforeEach
    void setUp() {
        stub.reset();
        client = Sdk.client(base, "sk-client-key");
    }

    private static ChatCompletionCreateParams.Builder chat(String model) {
        return ChatCompletionCreateParams.builder().model(model);
    }

    private JsonNode forwarded() {
        assertThat(stub.requests()).as("requests that reached the backend").isNotEmpty();
        return stub.lastRequest().json();
    }

    // ---- models ----

    @Test
    void listsConfiguredAndPassThroughModels() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).contains("affectra-emo", "affectra-local", "emo-text", "emo-vision", "gw/stub-model", "gw-vision/vision-model");
        assertThat(ids.indexOf("affectra-emo")).isLessThan(ids.indexOf("gw/stub-model"));
        Model emo = client.models().retrieve("emo-priors");
        assertThat(emo.ownedBy()).isEqualTo("affectra");
        assertThat(emo._additionalProperties().get("backend")).isEqualTo(JsonValue.from("gw"));
        assertThat(client.models().retrieve("gw/stub-model").ownedBy()).isEqualTo("gw");
        assertThatThrownBy(() -> client.models().retrieve("no-such-model"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));
    }

    // ---- plain and streamed completions, passed through ----

    @Test
    void plainCompletionIsForwardedVerbatimExceptTheModel() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Hello there.", 12, 3)));

        ChatCompletion completion = client.chat().completions().create(chat("gw/stub-model")
                .addSystemMessage("Be brief.").addUserMessage("Hi!")
                .n(2).stop("END").maxCompletionTokens(50).temperature(0.3).seed(7).topP(0.9).build());

        assertThat(completion.choices().get(0).message().content().orElseThrow()).isEqualTo("Hello there.");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(12);
        JsonNode sent = forwarded();
        assertThat(sent.path("model").asText()).isEqualTo("stub-model");
        assertThat(sent.path("n").asInt()).isEqualTo(2);
        assertThat(sent.path("stop").toString()).contains("END");
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(50);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("seed").asInt()).isEqualTo(7);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.path("messages")).hasSize(2);
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        // The backend gets the backend's key, never the client's.
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer sk-backend-secret");
        assertThat(stub.lastRequest().body()).doesNotContain("sk-client-key");
    }

    @Test
    void aBackendsOwnModelNameWorksWhenOnlyOneBackendServesIt() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("From the backup.", 5, 3)));

        ChatCompletion completion = client.chat().completions().create(chat("backup-model").addUserMessage("Hi").build());

        assertThat(completion.choices().get(0).message().content().orElseThrow()).isEqualTo("From the backup.");
        assertThat(forwarded().path("model").asText()).isEqualTo("backup-model");
        // Served by several backends: ambiguous, so not a model id.
        assertThatThrownBy(() -> client.chat().completions().create(chat("stub-model").addUserMessage("Hi").build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void streamedCompletionRelaysEveryChunkAndTheUsage() {
        stub.enqueue(Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Hel"), OpenAiStub.chunk("lo!"),
                OpenAiStub.finishChunk("stop"), OpenAiStub.usageChunk(9, 2)));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("gw/stub-model")
                .addUserMessage("Say hello").streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }

        assertThat(accumulator.chatCompletion().choices().get(0).message().content().orElseThrow()).isEqualTo("Hello!");
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(4).usage().orElseThrow().completionTokens()).isEqualTo(2);
        JsonNode sent = forwarded();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    // ---- structured output and tools, passed through ----

    @Test
    void jsonSchemaStructuredOutputIsForwardedAndAnswered() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("{\"label\":\"happiness\",\"confidence\":0.9}", 20, 8)));
        ResponseFormatJsonSchema format = ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name("mood").strict(true)
                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of(
                                "label", Map.of("type", "string"), "confidence", Map.of("type", "number"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("label", "confidence")))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                        .build())
                .build()).build();

        ChatCompletion completion = client.chat().completions().create(chat("gw/stub-model")
                .addUserMessage("Mood of 'what a great day'?").responseFormat(format).build());

        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content).contains("\"label\":\"happiness\"");
        JsonNode sent = forwarded().path("response_format");
        assertThat(sent.path("type").asText()).isEqualTo("json_schema");
        assertThat(sent.path("json_schema").path("name").asText()).isEqualTo("mood");
        assertThat(sent.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(sent.path("json_schema").path("schema").path("required").toString()).isEqualTo("[\"label\",\"confidence\"]");
    }

    private static FunctionDefinition moodTool() {
        return FunctionDefinition.builder().name("get_mood").description("Looks up a person's mood")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("person", Map.of("type", "string"))))
                        .build())
                .build();
    }

    @Test
    void aToolCallIsForwardedAndReturned() {
        stub.enqueue(Response.ok(OpenAiStub.toolCallCompletion("call_1", "get_mood", "{\"person\":\"F1\"}", 30, 10)));

        ChatCompletion completion = client.chat().completions().create(chat("gw/stub-model")
                .addUserMessage("How is F1?").addFunctionTool(moodTool()).toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build());

        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).isEqualTo("call_1");
        assertThat(call.function().name()).isEqualTo("get_mood");
        assertThat(call.function().arguments()).isEqualTo("{\"person\":\"F1\"}");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        JsonNode sent = forwarded();
        assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_mood");
        assertThat(sent.path("tool_choice").asText()).isEqualTo("required");
    }

    @Test
    void aStreamedToolCallArrivesInPieces() {
        stub.enqueue(Response.stream(OpenAiStub.toolCallChunk("call_7", "get_mood", ""), OpenAiStub.toolCallChunk(null, null, "{\"person\""),
                OpenAiStub.toolCallChunk(null, null, ":\"F2\"}"), OpenAiStub.finishChunk("tool_calls")));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("gw/stub-model")
                .addUserMessage("How is F2?").addFunctionTool(moodTool()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletionMessageFunctionToolCall call = accumulator.chatCompletion().choices().get(0).message().toolCalls().orElseThrow()
                .get(0).asFunction();
        assertThat(call.id()).isEqualTo("call_7");
        assertThat(call.function().name()).isEqualTo("get_mood");
        assertThat(call.function().arguments()).isEqualTo("{\"person\":\"F2\"}");
        assertThat(forwarded().path("tools")).hasSize(1);
    }

    // ---- media: the encoders' cues in the forwarded prompt ----

    @Test
    void anImageMessageReachesATextBackendAsFaceCues() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("They are celebrating [F2.expr].", 700, 12)));
        List<ChatCompletionContentPart> parts = List.of(Sdk.text("How do they feel?"), Sdk.image(Sdk.dataUri("sample3.jpg")));

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(chat("emo-text")
                .addSystemMessage("You are kind.").addUserMessageOfArrayOfContentParts(parts).build());
        ChatCompletion completion = raw.parse();

        assertThat(completion.choices().get(0).message().content().orElseThrow()).contains("[F2.expr]");
        assertThat(raw.headers().values("x-affectra-backend")).containsExactly("gw");
        assertThat(Integer.parseInt(raw.headers().values("x-affectra-cues").get(0))).isGreaterThanOrEqualTo(3);
        long cueTokens = completion.usage().orElseThrow()._additionalProperties().get("cue_context_tokens").convert(Long.class);
        assertThat(cueTokens).isPositive();

        JsonNode messages = forwarded().path("messages");
        assertThat(messages).hasSize(2);
        String system = messages.get(0).path("content").asText();
        assertThat(system).startsWith("You are kind.\n\n");
        assertThat(system).contains("[F1.expr] face F1", "[F2.expr] face F2", "[F3.expr] face F3", "expression happiness",
                "image 1: JPEG 1920x1350, 3 faces");
        // A text-only backend gets no pixels: the image became a placeholder, and the message a plain string.
        JsonNode user = messages.get(1).path("content");
        assertThat(user.isTextual()).isTrue();
        assertThat(user.asText()).contains("How do they feel?", "[image 1: not shown to you");
        assertThat(stub.lastRequest().body()).doesNotContain("base64");
        assertThat(forwarded().path("model").asText()).isEqualTo("stub-model");
    }

    @Test
    void aMultimodalBackendGetsTheImageAndTheCues() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Happy.", 900, 2)));
        String image = Sdk.dataUri("sample2.jpg");

        client.chat().completions().create(chat("emo-vision")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Describe their mood."), Sdk.image(image))).build());

        JsonNode messages = forwarded().path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("[F1.expr]", "You also receive the media itself");
        JsonNode parts = messages.get(1).path("content");
        assertThat(parts.get(1).path("type").asText()).isEqualTo("image_url");
        assertThat(parts.get(1).path("image_url").path("url").asText()).isEqualTo(image);
        assertThat(forwarded().path("model").asText()).isEqualTo("vision-model");
    }

    @Test
    void deidentifiedModelsNeitherMeasureFacesNorForwardTheImage() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("I cannot see faces.", 100, 5)));

        client.chat().completions().create(chat("emo-private")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image(Sdk.dataUri("sample1.jpg")))).build());

        String body = stub.lastRequest().body();
        // Body language is not face-derived: it is measured and sent, as on the analyse endpoint.
        assertThat(body).doesNotContain("base64").doesNotContain("[F1.expr] face").contains("de-identified", "[P1.body] body");
    }

    @Test
    void facialPriorsModelsUseTheEmoLlamaContext() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Smiling broadly.", 800, 4)));

        client.chat().completions().create(chat("emo-priors")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image(Sdk.dataUri("sample3.jpg")))).build());

        String system = forwarded().path("messages").get(0).path("content").asText();
        assertThat(system).contains("Facial priors", "[F1.prior.gender]", "never evidence for an emotion");
    }

    @Test
    void severalImagesGetNumberedCueIds() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Two groups.", 800, 4)));

        client.chat().completions().create(chat("emo-text").addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Compare."),
                Sdk.image(Sdk.dataUri("sample1.jpg")), Sdk.image(Sdk.dataUri("sample3.jpg")))).build());

        String system = forwarded().path("messages").get(0).path("content").asText();
        assertThat(system).contains("[I1.F1.expr]", "[I2.F1.expr]", "image 1: JPEG", "image 2: JPEG");
        assertThat(forwarded().path("messages").get(1).path("content").asText()).contains("[image 1:", "[image 2:");
    }

    // ---- the offline reasoner on this surface ----

    @Test
    void theLocalBackendAnswersPlainAndStreamedTheSame() {
        ChatCompletionCreateParams params = chat("affectra-emo")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("How do they feel?"), Sdk.image(Sdk.dataUri("sample3.jpg"))))
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        ChatCompletion plain = client.chat().completions().create(params.toBuilder().streamOptions(java.util.Optional.empty()).build());
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(c -> {
                chunks.add(c);
                accumulator.accumulate(c);
            });
        }

        String text = plain.choices().get(0).message().content().orElseThrow();
        assertThat(text).startsWith("happiness (confidence ").contains("Offline cue-fusion reasoner (not an LLM)", "[F2.expr]");
        assertThat(plain.model()).isEqualTo("affectra-emo");
        assertThat(plain.usage().orElseThrow().completionTokens()).isPositive();
        assertThat(accumulator.chatCompletion().choices().get(0).message().content().orElseThrow()).isEqualTo(text);
        assertThat(chunks.size()).isGreaterThan(4);
        assertThat(chunks.get(chunks.size() - 1).usage()).isPresent();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theLocalBackendHonoursJsonModeNAndStop() throws Exception {
        ChatCompletion json = client.chat().completions().create(chat("affectra-local").n(2)
                .responseFormat(ResponseFormatJsonObject.builder().build())
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image(Sdk.dataUri("sample3.jpg")))).build());
        assertThat(json.choices()).hasSize(2);
        JsonNode answer = JSON.readTree(json.choices().get(1).message().content().orElseThrow());
        assertThat(answer.path("label").asText()).isEqualTo("happiness");
        assertThat(answer.path("cueIds").size()).isPositive();

        ChatCompletion stopped = client.chat().completions().create(chat("affectra-local").stop(" (")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image(Sdk.dataUri("sample3.jpg")))).build());
        assertThat(stopped.choices().get(0).message().content().orElseThrow()).isEqualTo("happiness");
    }

    @Test
    void theLocalBackendSaysHowEachPersonFeelsInWordsAndInItsJson() throws Exception {
        List<ChatCompletionContentPart> group = List.of(Sdk.text("How does everyone feel?"), Sdk.image(Sdk.dataUri("sample3.jpg")));

        String text = client.chat().completions().create(chat("affectra-local").addUserMessageOfArrayOfContentParts(group).build())
                .choices().get(0).message().content().orElseThrow();

        assertThat(text).startsWith("happiness (confidence ").contains("3 people were found, each by their face.",
                "\nF2, in the centre: clearly happy (0.", "\nF3, on the right: ", "\nOverall: ",
                "No speech was heard, so the reading rests on the faces") // the question is words, but states no feeling
                .containsPattern("\nF1, on the left: (clearly|probably|perhaps) \\w+ \\(0\\.\\d\\d\\), from the expression \\(.*\\) \\[F1\\.expr]")
                .doesNotContain("(+", "p=");

        JsonNode answer = JSON.readTree(client.chat().completions().create(chat("affectra-local")
                .responseFormat(ResponseFormatJsonObject.builder().build()).addUserMessageOfArrayOfContentParts(group).build())
                .choices().get(0).message().content().orElseThrow());
        JsonNode people = answer.path("people");
        assertThat(people).extracting(p -> p.path("id").asText()).containsExactly("F1", "F2", "F3");
        assertThat(people).extracting(p -> p.path("position").asText()).containsExactly("left", "centre", "right");
        assertThat(people.get(1).path("label").asText()).isEqualTo("happiness");
        for (JsonNode person : people) {
            assertThat(person.path("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(person.path("cueIds")).isNotEmpty()
                    .allSatisfy(id -> assertThat(id.asText()).matches(person.path("id").asText() + "\\..+|P\\d+\\..+"));
            assertThat(text).contains("[" + person.path("cueIds").get(0).asText() + "]");
        }
    }

    @Test
    void theLocalBackendSaysPlainlyThatThereIsNoFace() throws Exception {
        // The lower part of sample2: legs, a sofa, a phone.
        List<ChatCompletionContentPart> parts = List.of(Sdk.text("How does everyone feel?"),
                Sdk.image(Sdk.dataUri(io.affectra.testing.CraftedMedia.below("sample2.jpg", 900), "image/jpeg")));

        String text = client.chat().completions().create(chat("affectra-local").addUserMessageOfArrayOfContentParts(parts).build())
                .choices().get(0).message().content().orElseThrow();
        JsonNode answer = JSON.readTree(client.chat().completions().create(chat("affectra-local")
                .responseFormat(ResponseFormatJsonObject.builder().build()).addUserMessageOfArrayOfContentParts(parts).build())
                .choices().get(0).message().content().orElseThrow());

        assertThat(text).startsWith("neutral (confidence ").contains("No face was found, and no person either.",
                "No speech was heard: there is nothing to go on").doesNotContain("no cues at all");
        assertThat(answer.path("people").isArray()).isTrue();
        assertThat(answer.path("people")).isEmpty();
        assertThat(answer.path("cueIds")).isEmpty();
    }

    @Test
    void theLocalBackendRefusesWhatItCannotDo() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("affectra-local").addUserMessage("Mood?")
                .addFunctionTool(moodTool()).toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("tool_choice"));
        assertThatThrownBy(() -> client.chat().completions().create(chat("affectra-local").addUserMessage("Mood?")
                .responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name("x").build())
                        .build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("response_format"));
    }

    @Test
    void answerModeOnAnLlmBackendReturnsItsStructuredAnswer() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("""
                {"label":"happiness","confidence":0.8,"probabilities":{"neutral":0.1,"happiness":0.8,"sadness":0.02,"anger":0.02,
                 "fear":0.02,"disgust":0.02,"surprise":0.02},"reasoning":"Broad smiles [F2.expr].","cueIds":["F2.expr"]}""", 600, 40)));

        ChatCompletion completion = client.chat().completions().create(chat("emo-answer")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image(Sdk.dataUri("sample3.jpg")))).build());

        assertThat(completion.choices().get(0).message().content().orElseThrow()).startsWith("happiness (confidence 0.80)")
                .contains("Broad smiles [F2.expr].");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(600);
        assertThat(forwarded().path("response_format").path("json_schema").path("name").asText()).isEqualTo("emotion_answer");
    }

    // ---- errors: OpenAI's shape, so that the SDK raises its usual exceptions ----

    @Test
    void anInvalidParameterIsA400NamingIt() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("gw/stub-model").addUserMessage("Hi").temperature(5.0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("temperature");
                    assertThat(e.code()).contains("invalid_value");
                    assertThat(e.type()).contains("invalid_request_error");
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("gpt-7").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.param()).contains("model");
                    assertThat(e.getMessage()).contains("gpt-7");
                });
    }

    @Test
    void anOversizedRequestIsA413() {
        String huge = "x".repeat(1_100_000);
        assertThatThrownBy(() -> client.chat().completions().create(chat("gw/stub-model").addUserMessage(huge).build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.code()).contains("request_too_large");
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aRateLimitedBackendIsA429WithRetryAfterOnceRetriesAreSpent() {
        Response limited = Response.error(429, "slow down").withHeader("retry-after", "0");
        stub.enqueue(limited, limited, limited);

        assertThatThrownBy(() -> client.chat().completions().create(chat("gw/stub-model").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.code()).contains("backend_rate_limited");
                    assertThat(e.headers().values("retry-after")).containsExactly("1");
                });
        assertThat(stub.requests()).hasSize(3); // the call and its two retries
    }

    @Test
    void anInternalFaultIsA500WithAnErrorIdAndNoInternals() {
        ChatCompletionContentPart video = ChatCompletionContentPart.ofText(com.openai.models.chat.completions.ChatCompletionContentPartText
                .builder().text("placeholder").build());
        // The SDK has no video part type; vLLM's video_url extension goes through as additional JSON.
        ChatCompletionCreateParams params = chat("emo-text").addUserMessageOfArrayOfContentParts(List.of(video))
                .putAdditionalBodyProperty("messages", JsonValue.from(List.of(Map.of("role", "user", "content", List.of(
                        Map.of("type", "text", "text", "What happens?"),
                        Map.of("type", "video_url", "video_url", Map.of("url", "data:video/mp4;base64,"
                                + java.util.Base64.getEncoder().encodeToString(FaultInjectingEncoder.MARKER))))))))
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.getMessage()).containsPattern("error [0-9a-f-]{36}").doesNotContain("boom");
                    assertThat(e.body().toString()).doesNotContain(FaultInjectingEncoder.SECRET_DETAIL);
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnreachableBackendIsA502() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("gw-unreachable/none").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.code()).contains("backend_unavailable");
                    assertThat(e.getMessage()).contains("gw-unreachable");
                });
    }

    @Test
    void aSilentBackendIsA504() {
        stub.enqueue(Response.hang());

        assertThatThrownBy(() -> client.chat().completions().create(chat("gw-slow/stub-model").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(504);
                    assertThat(e.code()).contains("backend_timeout");
                });
    }

    @Test
    void theBackendsOwnRefusalOfABadRequestComesBackAsA400AndIsNotRetried() {
        stub.enqueue(Response.error(400, "tool_choice 'required' is not supported by this model"));

        assertThatThrownBy(() -> client.chat().completions().create(chat("gw/stub-model").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).contains("is not supported by this model"));
        assertThat(stub.requests()).hasSize(1);
    }
}
