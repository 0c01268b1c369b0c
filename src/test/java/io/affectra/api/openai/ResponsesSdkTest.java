package io.affectra.api.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputImage;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseTextConfig;
import com.openai.models.responses.ResponseUsage;
import com.openai.models.responses.ToolChoiceOptions;
import io.affectra.gateway.ResponseStore;
import io.affectra.testing.ChunkedSender;
import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/responses} driven by the official OpenAI Java SDK's responses client: the offline reasoner and the
 * OpenAI-compatible stub behind it, what the SDK gets back (plain and streamed), exactly what reached the backend as a
 * chat completion, and what is stored for the next turn.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class ResponsesSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    OpenAiStub stub;

    @Inject
    ResponseStore store;

    @TestHTTPResource("/v1")
    URL base;

    @TestHTTPResource("/")
    URL root;

    OpenAIClient client;

    @BeforeEach
    void setUp() {
        stub.reset();
        client = Sdk.client(base, "sk-client-key");
    }

    private static ResponseCreateParams.Builder params(String model) {
        return ResponseCreateParams.builder().model(model);
    }

    private JsonNode forwarded() {
        assertThat(stub.requests()).as("requests that reached the backend").isNotEmpty();
        return stub.lastRequest().json();
    }

    private static String text(Response response) {
        return response.output().get(0).asMessage().content().get(0).asOutputText().text();
    }

    private static ResponseInputItem userMessage(String text, String imageUri) {
        return ResponseInputItem.ofMessage(ResponseInputItem.Message.builder().role(ResponseInputItem.Message.Role.USER)
                .addInputTextContent(text)
                .addContent(ResponseInputImage.builder().detail(ResponseInputImage.Detail.AUTO).imageUrl(imageUri).build())
                .build());
    }

    private static String type(ResponseStreamEvent event) {
        return ObjectMappers.jsonMapper().valueToTree(event).path("type").asText();
    }

    private static long sequence(ResponseStreamEvent event) {
        return ObjectMappers.jsonMapper().valueToTree(event).path("sequence_number").asLong(-1);
    }

    private static long additional(Map<String, JsonValue> properties, String name) {
        return properties.get(name).convert(Long.class);
    }

    // ---- the offline reasoner (answer mode): no backend at all ----

    @Test
    void aTextRequestOnTheLocalModelIsAnswered() {
        Response response = client.responses().create(params("affectra-local").input("I am so happy today!").build());

        assertThat(response.id()).startsWith("resp_");
        assertThat(response.status()).contains(com.openai.models.responses.ResponseStatus.COMPLETED);
        assertThat(ObjectMappers.jsonMapper().valueToTree(response).path("model").asText()).isEqualTo("affectra-local");
        assertThat(response.output()).hasSize(1);
        assertThat(response.output().get(0).asMessage()._role()).isEqualTo(JsonValue.from("assistant"));
        assertThat(text(response)).contains("(confidence ");
        ResponseUsage usage = response.usage().orElseThrow();
        assertThat(usage.inputTokens()).isPositive();
        assertThat(usage.outputTokens()).isPositive();
        assertThat(usage.totalTokens()).isEqualTo(usage.inputTokens() + usage.outputTokens());
        assertThat(response._additionalProperties().get("affectra").toString()).contains("strategy");
        assertThat(stub.requests()).isEmpty();

        Response stored = client.responses().retrieve(response.id());
        assertThat(stored.id()).isEqualTo(response.id());
        assertThat(text(stored)).isEqualTo(text(response));
    }

    @Test
    void anImagePartGoesThroughTheEncodersAndTheCuesCountInTheUsage() {
        Response response = client.responses().create(params("affectra-local")
                .inputOfResponse(List.of(userMessage("How do they feel?", Sdk.dataUri("sample3.jpg")))).build());

        assertThat(text(response)).startsWith("happiness (confidence ").contains("[F2.expr]");
        assertThat(additional(response.usage().orElseThrow()._additionalProperties(), "cue_context_tokens")).isPositive();
        // Stored without the image: a placeholder where it was.
        String conversation = store.find(response.id(), null).orElseThrow().conversationJson();
        assertThat(conversation).contains("How do they feel?", "the server does not keep media").doesNotContain("base64");
    }

    @Test
    void theLocalModelStreamsTheSameAnswerInOrder() {
        ResponseCreateParams request = params("affectra-local")
                .inputOfResponse(List.of(userMessage("How do they feel?", Sdk.dataUri("sample3.jpg")))).build();
        Response plain = client.responses().create(request);
        List<String> types = new ArrayList<>();
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(request)) {
            stream.stream().forEach(e -> {
                types.add(type(e));
                accumulator.accumulate(e);
            });
        }

        assertThat(text(accumulator.response())).isEqualTo(text(plain));
        assertThat(types.subList(0, 4)).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added");
        assertThat(types.stream().filter(t -> t.equals("response.output_text.delta")).count()).isGreaterThan(2);
        assertThat(types.subList(types.size() - 4, types.size())).containsExactly("response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
    }

    @Test
    void jsonObjectOnTheLocalModelIsItsAnswerAndJsonSchemaIsRefused() throws Exception {
        Response json = client.responses().create(params("affectra-local")
                .text(ResponseTextConfig.builder().format(ResponseFormatJsonObject.builder().build()).build())
                .inputOfResponse(List.of(userMessage("Mood?", Sdk.dataUri("sample3.jpg")))).build());
        JsonNode answer = JSON.readTree(text(json));
        assertThat(answer.path("label").asText()).isEqualTo("happiness");
        assertThat(answer.path("cueIds").size()).isPositive();

        assertThatThrownBy(() -> client.responses().create(params("affectra-local").input("Mood?")
                .text(ResponseTextConfig.builder().format(moodSchema()).build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("text.format");
                    assertThat(e.getMessage()).contains("text.format json_object").doesNotContain("response_format");
                });
    }

    // ---- chat backends, reached through chat completions ----

    @Test
    void aTextRequestBecomesAChatCompletionAndItsReplyAResponse() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Hello there.", 12, 3)));

        Response response = client.responses().create(params("gw/stub-model").instructions("Be brief.").input("Hi!")
                .temperature(0.3).maxOutputTokens(50).build());

        assertThat(text(response)).isEqualTo("Hello there.");
        assertThat(response.instructions().orElseThrow().asString()).isEqualTo("Be brief.");
        ResponseUsage usage = response.usage().orElseThrow();
        assertThat(usage.inputTokens()).isEqualTo(12);
        assertThat(usage.outputTokens()).isEqualTo(3);
        assertThat(usage.totalTokens()).isEqualTo(15);
        JsonNode sent = forwarded();
        assertThat(stub.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.path("model").asText()).isEqualTo("stub-model");
        assertThat(sent.path("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi!\"}]");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(50);
        assertThat(sent.has("input")).isFalse();
        assertThat(sent.has("store")).isFalse();
    }

    @Test
    void anImageReachesATextBackendAsCuesAndIsNotKept() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("They are celebrating [F2.expr].", 700, 12)));

        Response response = client.responses().create(params("emo-text")
                .inputOfResponse(List.of(userMessage("How do they feel?", Sdk.dataUri("sample3.jpg")))).build());

        assertThat(text(response)).contains("[F2.expr]");
        assertThat(additional(response.usage().orElseThrow()._additionalProperties(), "cue_context_tokens")).isPositive();
        JsonNode messages = forwarded().path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("[F1.expr] face F1", "image 1: JPEG 1920x1350, 3 faces");
        assertThat(messages.get(1).path("content").asText()).contains("How do they feel?", "[image 1: not shown to you");
        assertThat(stub.lastRequest().body()).doesNotContain("base64");

        // The next turn continues the conversation; the image itself is gone, a placeholder says so.
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("The one in the middle [F2.expr].", 80, 9)));
        Response next = client.responses().create(params("emo-text").previousResponseId(response.id()).input("Who smiles most?").build());

        assertThat(next.previousResponseId()).contains(response.id());
        JsonNode turns = forwarded().path("messages");
        assertThat(turns).hasSize(3);
        assertThat(turns.get(0).path("content").asText()).contains("How do they feel?", "the server does not keep media");
        assertThat(turns.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(turns.get(1).path("content").asText()).isEqualTo("They are celebrating [F2.expr].");
        assertThat(turns.get(2).path("content").asText()).isEqualTo("Who smiles most?");
        assertThat(stub.lastRequest().body()).doesNotContain("base64");
    }

    @Test
    void anAllowedRemoteImageUrlIsFetchedAndMeasured() {
        stub.serve("/media/group.jpg", io.affectra.testing.TestMedia.bytes("sample3.jpg"));
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Happy group.", 10, 3)));

        Response response = client.responses().create(params("emo-text")
                .inputOfResponse(List.of(userMessage("Mood?", stub.root() + "/media/group.jpg"))).build());

        assertThat(text(response)).isEqualTo("Happy group.");
        assertThat(forwarded().path("messages").get(0).path("content").asText()).contains("[F3.expr] face F3");
        // The URL is not media bytes, but it is media: the stored turn has the placeholder, not the link.
        assertThat(store.find(response.id(), null).orElseThrow().conversationJson()).doesNotContain("/media/group.jpg");
    }

    @Test
    void aStreamIsTranslatedEventByEventInOpenAisOrder() {
        stub.enqueue(OpenAiStub.Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Hel"), OpenAiStub.chunk("lo!"),
                OpenAiStub.finishChunk("stop"), OpenAiStub.usageChunk(9, 2)));
        List<ResponseStreamEvent> events = new ArrayList<>();
        ResponseAccumulator accumulator = ResponseAccumulator.create();

        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params("gw/stub-model").input("Say hello").build())) {
            stream.stream().forEach(e -> {
                events.add(e);
                accumulator.accumulate(e);
            });
        }

        assertThat(events.stream().map(ResponsesSdkTest::type).toList()).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(sequence(events.get(i))).as("sequence_number of event " + i).isEqualTo(i);
        }
        assertThat(events.get(4).asOutputTextDelta().delta()).isEqualTo("Hel");
        assertThat(events.get(6).asOutputTextDone().text()).isEqualTo("Hello!");
        Response done = accumulator.response();
        assertThat(text(done)).isEqualTo("Hello!");
        assertThat(done.usage().orElseThrow().inputTokens()).isEqualTo(9);
        assertThat(done.usage().orElseThrow().outputTokens()).isEqualTo(2);
        JsonNode sent = forwarded();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        // Stored before response.completed went out.
        assertThat(text(client.responses().retrieve(done.id()))).isEqualTo("Hello!");
    }

    @Test
    void eachDeltaLeavesAsSoonAsTheBackendSentIt() throws Exception {
        // The backend sends a first token and then holds the stream open: the client must see it all the same.
        stub.enqueue(OpenAiStub.Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Hel")).held());
        List<String> seen = new ArrayList<>();

        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params("gw/stub-model").input("Say hello").build())) {
            Iterator<ResponseStreamEvent> events = stream.stream().iterator();
            while (events.hasNext()) {
                ResponseStreamEvent event = events.next();
                seen.add(type(event));
                if (event.isOutputTextDelta()) {
                    assertThat(event.asOutputTextDelta().delta()).isEqualTo("Hel");
                    break;
                }
            }
        }

        assertThat(seen).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta");
        // Closing the stream went through to the backend.
        assertThat(stub.disconnects().tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBackendThatFailsMidStreamEndsItWithResponseFailedAndNothingIsStored() {
        stub.enqueue(OpenAiStub.Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Hel"),
                "{\"error\":{\"message\":\"the model crashed\",\"type\":\"server_error\"}}"));
        List<ResponseStreamEvent> events = new ArrayList<>();

        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params("gw/stub-model").input("Say hello").build())) {
            stream.stream().forEach(events::add);
        }

        assertThat(events.stream().map(ResponsesSdkTest::type).toList()).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.failed");
        Response failed = events.get(5).asFailed().response();
        assertThat(failed.status()).contains(com.openai.models.responses.ResponseStatus.FAILED);
        assertThat(failed.error().orElseThrow().message()).contains("the model crashed");
        assertThatThrownBy(() -> client.responses().retrieve(failed.id())).isInstanceOf(NotFoundException.class);
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1).trim())).findFirst().orElse(0);
    }

    @Test
    void theResponsesRouteIsTimedByTheGatewayMetrics() {
        String requests = "affectra_gateway_requests_total{backend=\"gw-vision\",model=\"gw-vision/vision-model\",outcome=\"ok\",stream=\"false\"}";
        double before = metric(requests);
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Hi.", 3, 1)));
        client.responses().create(params("gw-vision/vision-model").input("Hi").build());

        assertThat(metric(requests)).isEqualTo(before + 1);
        assertThat(given().get("/q/metrics").then().extract().asString()).doesNotContain("uri=\"/v1/responses\"");
    }

    private static ResponseFormatTextJsonSchemaConfig moodSchema() {
        return ResponseFormatTextJsonSchemaConfig.builder().name("mood").strict(true)
                .schema(ResponseFormatTextJsonSchemaConfig.Schema.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of(
                                "label", Map.of("type", "string"), "confidence", Map.of("type", "number"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("label", "confidence")))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                        .build())
                .build();
    }

    @Test
    void textFormatsBecomeTheChatResponseFormat() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"label\":\"happiness\",\"confidence\":0.9}", 20, 8)));
        Response schema = client.responses().create(params("gw/stub-model").input("Mood of 'what a great day'?")
                .text(ResponseTextConfig.builder().format(moodSchema()).build()).build());

        assertThat(text(schema)).contains("\"label\":\"happiness\"");
        JsonNode format = forwarded().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("mood");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("required").toString()).isEqualTo("[\"label\",\"confidence\"]");
        assertThat(schema.text().orElseThrow().format().orElseThrow().isJsonSchema()).isTrue();

        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"ok\":true}", 5, 3)));
        client.responses().create(params("gw/stub-model").input("JSON please")
                .text(ResponseTextConfig.builder().format(ResponseFormatJsonObject.builder().build()).build()).build());
        assertThat(forwarded().path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    private static FunctionTool moodTool() {
        return FunctionTool.builder().name("get_mood").description("Looks up a person's mood").strict(false)
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("person", Map.of("type", "string"))))
                        .build())
                .build();
    }

    @Test
    void aFunctionToolRoundTrip() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.toolCallCompletion("call_1", "get_mood", "{\"person\":\"F1\"}", 30, 10)));

        Response first = client.responses().create(params("gw/stub-model").input("How is F1?").addTool(moodTool())
                .toolChoice(ToolChoiceOptions.REQUIRED).build());

        assertThat(first.output()).hasSize(1);
        ResponseFunctionToolCall call = first.output().get(0).asFunctionCall();
        assertThat(call.callId()).isEqualTo("call_1");
        assertThat(call.name()).isEqualTo("get_mood");
        assertThat(call.arguments()).isEqualTo("{\"person\":\"F1\"}");
        assertThat(call.id().orElseThrow()).startsWith("fc_");
        JsonNode sent = forwarded();
        JsonNode tool = sent.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("get_mood");
        assertThat(tool.path("function").path("parameters").path("properties").has("person")).isTrue();
        assertThat(sent.path("tool_choice").asText()).isEqualTo("required");

        // The tool's result goes back on top of the stored turn; the backend sees the whole exchange.
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("F1 is happy.", 40, 4)));
        Response second = client.responses().create(params("gw/stub-model").previousResponseId(first.id()).addTool(moodTool())
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId("call_1").output("{\"mood\":\"happy\"}").build())))
                .build());

        assertThat(text(second)).isEqualTo("F1 is happy.");
        JsonNode messages = forwarded().path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("content").asText()).isEqualTo("How is F1?");
        JsonNode toolCall = messages.get(1).path("tool_calls").get(0);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(toolCall.path("id").asText()).isEqualTo("call_1");
        assertThat(toolCall.path("function").path("name").asText()).isEqualTo("get_mood");
        assertThat(toolCall.path("function").path("arguments").asText()).isEqualTo("{\"person\":\"F1\"}");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("{\"mood\":\"happy\"}");
    }

    @Test
    void aStreamedToolCallArrivesAsFunctionCallEvents() {
        stub.enqueue(OpenAiStub.Response.stream(OpenAiStub.toolCallChunk("call_7", "get_mood", ""), OpenAiStub.toolCallChunk(null, null, "{\"person\""),
                OpenAiStub.toolCallChunk(null, null, ":\"F2\"}"), OpenAiStub.finishChunk("tool_calls")));
        List<String> types = new ArrayList<>();
        ResponseAccumulator accumulator = ResponseAccumulator.create();

        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params("gw/stub-model").input("How is F2?")
                .addTool(moodTool()).build())) {
            stream.stream().forEach(e -> {
                types.add(type(e));
                accumulator.accumulate(e);
            });
        }

        assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed");
        ResponseFunctionToolCall call = accumulator.response().output().get(0).asFunctionCall();
        assertThat(call.callId()).isEqualTo("call_7");
        assertThat(call.name()).isEqualTo("get_mood");
        assertThat(call.arguments()).isEqualTo("{\"person\":\"F2\"}");
    }

    @Test
    void previousResponseIdContinuesTheConversationWithoutTheOldInstructions() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Hello Ada.", 10, 3)));
        Response first = client.responses().create(params("gw/stub-model").instructions("Be brief.").input("My name is Ada.").build());
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Ada.", 20, 2)));
        Response second = client.responses().create(params("gw/stub-model").previousResponseId(first.id()).input("What is my name?").build());
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("You asked twice.", 30, 4)));
        client.responses().create(params("gw/stub-model").previousResponseId(second.id()).instructions("Be playful.").input("And now?").build());

        JsonNode messages = forwarded().path("messages");
        assertThat(messages.toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be playful.\"},"
                + "{\"role\":\"user\",\"content\":\"My name is Ada.\"},{\"role\":\"assistant\",\"content\":\"Hello Ada.\"},"
                + "{\"role\":\"user\",\"content\":\"What is my name?\"},{\"role\":\"assistant\",\"content\":\"Ada.\"},"
                + "{\"role\":\"user\",\"content\":\"And now?\"}]");
    }

    @Test
    void aDeletedResponseIsGoneAndAnUnstoredOneNeverWasThere() {
        Response response = client.responses().create(params("affectra-local").input("Fine, thanks.").build());
        client.responses().delete(response.id());

        assertThatThrownBy(() -> client.responses().retrieve(response.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("response_not_found"));
        assertThatThrownBy(() -> client.responses().delete(response.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.responses().create(params("affectra-local").previousResponseId(response.id()).input("And?").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("response_not_found");
                    assertThat(e.param()).contains("previous_response_id");
                });

        Response unstored = client.responses().create(params("affectra-local").input("Fine.").store(false).build());
        assertThat(unstored._additionalProperties().get("store")).isEqualTo(JsonValue.from(false));
        assertThatThrownBy(() -> client.responses().retrieve(unstored.id())).isInstanceOf(NotFoundException.class);
        given().delete("/v1/responses/resp_nope").then().statusCode(404).contentType("application/json")
                .body("error.code", equalTo("response_not_found")).body("error.type", equalTo("invalid_request_error"));
        given().delete("/v1/responses/" + response.id()).then().statusCode(404);
    }

    @Test
    void theStoredResponseRoutesAreDocumentedWithoutABody() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/responses/{id}'.get.requestBody", org.hamcrest.Matchers.nullValue())
                .body("paths.'/v1/responses/{id}'.delete.requestBody", org.hamcrest.Matchers.nullValue())
                .body("paths.'/v1/responses/{id}'.get.parameters.size()", equalTo(1));
    }

    @Test
    void theDeleteAnswerIsOpenAis() {
        Response response = client.responses().create(params("affectra-local").input("Fine, thanks.").build());
        given().delete("/v1/responses/" + response.id()).then().statusCode(200)
                .body("id", equalTo(response.id())).body("object", equalTo("response")).body("deleted", equalTo(true));
    }

    // ---- errors: the chat route's codes, the Responses API's parameter names ----

    @Test
    void errorsAreOpenAisShapeWithTheChatCodes() {
        assertThatThrownBy(() -> client.responses().create(params("gpt-7").input("Hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.param()).contains("model");
                });
        assertThatThrownBy(() -> client.responses().create(params("gw/stub-model").input("Hi").temperature(5.0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("temperature");
                    assertThat(e.code()).contains("invalid_value");
                });
        assertThatThrownBy(() -> client.responses().create(params("gw/stub-model").input("Hi").maxOutputTokens(0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("max_output_tokens");
                    assertThat(e.getMessage()).contains("'max_output_tokens'");
                });
        String huge = "x".repeat(1_100_000);
        assertThatThrownBy(() -> client.responses().create(params("gw/stub-model").input(huge).build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.code()).contains("request_too_large");
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void malformedAndUnsupportedRequestsAre400sNamingTheField() {
        given().contentType("application/json").body("{not json").post("/v1/responses").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"));
        given().contentType("application/json").body("{\"model\":\"affectra-local\",\"input\":\"hi\",\"frobnicate\":1}").post("/v1/responses")
                .then().statusCode(400).body("error.code", equalTo("unknown_parameter")).body("error.param", equalTo("frobnicate"));
        given().contentType("application/json").body("{\"model\":\"affectra-local\"}").post("/v1/responses")
                .then().statusCode(400).body("error.param", equalTo("input"));
        given().contentType("application/json")
                .body("{\"model\":\"gw/stub-model\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search_preview\"}]}").post("/v1/responses")
                .then().statusCode(400).body("error.code", equalTo("unsupported_parameter")).body("error.param", equalTo("tools[0]"));
        // A file that is not media: the encoders cannot read it, and saying so beats dropping it.
        String pdf = "data:application/pdf;base64," + java.util.Base64.getEncoder().encodeToString("%PDF-1.7 not media".getBytes(StandardCharsets.US_ASCII));
        given().contentType("application/json").body("{\"model\":\"emo-text\",\"input\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"input_text\",\"text\":\"Read this\"},{\"type\":\"input_file\",\"filename\":\"a.pdf\",\"file_data\":\"" + pdf + "\"}]}]}")
                .post("/v1/responses").then().statusCode(400)
                .body("error.code", equalTo("unsupported_content_part")).body("error.param", equalTo("input[0].content[1]"))
                .body("error.message", containsString("application/pdf"));
        // A remote image under the chat route's URL policy, its position named in Responses terms.
        given().contentType("application/json").body("{\"model\":\"emo-text\",\"instructions\":\"Be kind.\",\"input\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"input_text\",\"text\":\"Mood?\"},{\"type\":\"input_image\",\"image_url\":\"http://169.254.169.254/latest\"}]}]}")
                .post("/v1/responses").then().statusCode(400)
                .body("error.code", equalTo("remote_media_not_allowed")).body("error.param", equalTo("input[0].content[1]"));
        given().get("/v1/responses").then().statusCode(405).header("allow", "POST").body("error.code", equalTo("method_not_allowed"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anImageAsAnInputFileIsReadLikeAnImagePart() {
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Celebrating.", 700, 2)));
        String body = "{\"model\":\"emo-text\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Mood?\"},"
                + "{\"type\":\"input_file\",\"filename\":\"party.jpg\",\"file_data\":\"" + Sdk.dataUri("sample3.jpg") + "\"}]}]}";

        given().contentType("application/json").body(body).post("/v1/responses").then().statusCode(200)
                .body("object", equalTo("response")).body("output[0].content[0].text", equalTo("Celebrating."));

        assertThat(forwarded().path("messages").get(0).path("content").asText()).contains("[F1.expr] face F1", "image 1: JPEG");
    }

    @Test
    void audioAsAnInputAudioPartOrAnInputFileGoesThroughTheTemporalPipeline() {
        String wav = java.util.Base64.getEncoder().encodeToString(io.affectra.testing.TestMedia.bytes("speech.wav"));
        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Animated [V1].", 500, 3)));
        given().contentType("application/json").body("{\"model\":\"emo-vision\",\"input\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"input_text\",\"text\":\"How does the speaker feel?\"},"
                        + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"" + wav + "\",\"format\":\"wav\"}}]}]}")
                .post("/v1/responses").then().statusCode(200).body("output[0].content[0].text", equalTo("Animated [V1]."));

        JsonNode messages = forwarded().path("messages");
        assertThat(messages.get(0).path("content").asText()).contains("audio 1: WAV audio", "[V1] voice", "You also receive the media itself");
        JsonNode audio = messages.get(1).path("content").get(1);
        assertThat(audio.path("type").asText()).isEqualTo("input_audio");
        assertThat(audio.path("input_audio").path("format").asText()).isEqualTo("wav");
        assertThat(audio.path("input_audio").path("data").asText()).isEqualTo(wav);

        stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Animated.", 500, 2)));
        given().contentType("application/json").body("{\"model\":\"emo-text\",\"input\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"input_text\",\"text\":\"Mood?\"},"
                        + "{\"type\":\"input_file\",\"filename\":\"speech.wav\",\"file_data\":\"data:audio/wav;base64," + wav + "\"}]}]}")
                .post("/v1/responses").then().statusCode(200);

        assertThat(forwarded().path("messages").get(0).path("content").asText()).contains("audio 1: WAV audio", "[V1] voice");
        assertThat(stub.lastRequest().body()).doesNotContain("UklGR");
    }

    @Test
    void aChunkedBodyIsRefusedAtTheLimitAsItArrives() throws Exception {
        long offered = 64L * 1024 * 1024;
        byte[] prefix = "{\"model\":\"affectra-local\",\"input\":\"".getBytes(StandardCharsets.UTF_8);
        ChunkedSender.Result result = ChunkedSender.send(root, "POST", "/v1/responses", "Content-Type: application/json\r\n", prefix, offered);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.body()).contains("request_too_large");
        assertThat(result.wholeBodySent()).as("the server stopped taking the body").isFalse();
        assertThat(stub.requests()).isEmpty();
    }
}
