package io.affectra.api.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.affectra.testing.FaultInjectingEncoder;
import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStub.Response;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries, fallbacks, the circuit breaker, cancellation, media refusals and metrics of the chat surface. */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class GatewayResilienceTest {

    OpenAiStub stub;

    @TestHTTPResource("/v1")
    URL base;

    OpenAIClient client;

    @BeforeEach
    void setUp() {
        stub.reset();
        client = Sdk.client(base, "sk-any");
    }

    private static ChatCompletionCreateParams hello(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello").build();
    }

    @Test
    void aServerErrorIsRetriedAndTheRetryAnswers() {
        stub.enqueue(Response.error(503, "warming up"), Response.ok(OpenAiStub.chatCompletion("Ready now.", 3, 2)));

        ChatCompletion completion = client.chat().completions().create(hello("gw/stub-model"));

        assertThat(completion.choices().get(0).message().content().orElseThrow()).isEqualTo("Ready now.");
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
    }

    @Test
    void aFailingBackendFallsBackToTheNextOneWithItsOwnModel() {
        stub.enqueue(Response.error(500, "crashed"), Response.error(500, "crashed again"),
                Response.ok(OpenAiStub.chatCompletion("The backup answers.", 3, 3)));

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(hello("flaky"));

        assertThat(raw.parse().choices().get(0).message().content().orElseThrow()).isEqualTo("The backup answers.");
        assertThat(raw.headers().values("x-affectra-backend")).containsExactly("gw-backup");
        List<OpenAiStub.RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(3); // gw-flaky, its one retry, then gw-backup
        assertThat(requests.get(0).json().path("model").asText()).isEqualTo("stub-model");
        assertThat(requests.get(2).json().path("model").asText()).isEqualTo("backup-model");
    }

    @Test
    void aRefusedConnectionFallsBack() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Backup here.", 3, 2)));

        ChatCompletion completion = client.chat().completions().create(hello("down"));

        assertThat(completion.choices().get(0).message().content().orElseThrow()).isEqualTo("Backup here.");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theCircuitBreakerOpensAfterConsecutiveFailuresAndThenFailsFast() {
        stub.enqueue(Response.error(500, "down"), Response.error(500, "still down"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.chat().completions().create(hello("gw-breaker/stub-model")))
                    .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
        }
        assertThat(stub.requests()).hasSize(2);

        assertThatThrownBy(() -> client.chat().completions().create(hello("gw-breaker/stub-model")))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("circuit breaker is open");
                });
        assertThat(stub.requests()).as("an open circuit does not call the backend").hasSize(2);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("affectra_gateway_backend_attempts_total{backend=\"gw-breaker\",outcome=\"circuit_open\"} 1.0"));
    }

    @Test
    void aStreamsHeadReachesTheClientWhileTheBackendHoldsItsFirstEvent() throws Exception {
        stub.enqueue(Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Late")));
        CountDownLatch gate = stub.gateFirstEvent();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gw/stub-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            // Completes with the head alone: the backend has sent nothing else yet.
            HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
            assertThat(gate.getCount()).as("the first event is still held").isEqualTo(1);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
            assertThat(response.headers().firstValue("x-affectra-backend")).contains("gw");

            gate.countDown();
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"content\":\"Late\"").endsWith("data: [DONE]\n\n");
        } finally {
            gate.countDown();
        }
    }

    @Test
    void aClientThatLeavesMidStreamCancelsTheBackendCall() throws Exception {
        stub.enqueue(Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Once upon a time")).held());

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello("gw/stub-model"))) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            assertThat(chunks.next().choices()).isNotEmpty();
            assertThat(chunks.next().choices().get(0).delta().content().orElseThrow()).isEqualTo("Once upon a time");
        }

        assertThat(stub.disconnects().tryAcquire(20, TimeUnit.SECONDS)).as("the backend saw the connection close").isTrue();
    }

    @Test
    void metricsCountRequestsOverheadAndTokensPerBackendAndModel() {
        stub.enqueue(Response.stream(OpenAiStub.chunk(null), OpenAiStub.chunk("Hi"), OpenAiStub.finishChunk("stop"),
                OpenAiStub.usageChunk(11, 1)));
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                hello("gw-vision/vision-model").toBuilder().streamOptions(
                        com.openai.models.chat.completions.ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            assertThat(stream.stream().count()).isEqualTo(4);
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "affectra_gateway_requests_total{backend=\"gw-vision\",model=\"gw-vision/vision-model\",outcome=\"ok\",stream=\"true\"}",
                "affectra_gateway_overhead_seconds_count{media=\"false\",model=\"gw-vision/vision-model\",stream=\"true\"}",
                "affectra_gateway_ttft_seconds_count{backend=\"gw-vision\",model=\"gw-vision/vision-model\"}",
                "affectra_gateway_backend_seconds_count{backend=\"gw-vision\",model=\"gw-vision/vision-model\"}",
                "affectra_gateway_tokens_total{backend=\"gw-vision\",kind=\"prompt\",model=\"gw-vision/vision-model\"}",
                "affectra_gateway_backend_attempts_total{backend=\"gw-vision\",outcome=\"ok\"}");
    }

    @Test
    void theChatRouteIsTimedByTheGatewayMetricsOnlyOtherRoutesKeepTheGenericServerTimer() {
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Hi.", 3, 1)));
        client.chat().completions().create(hello("gw-vision/vision-model"));
        given().get("/v1/models").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("affectra_gateway_request_seconds_count{backend=\"gw-vision\",model=\"gw-vision/vision-model\",stream=\"false\"}")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/models\"")
                .doesNotContain("uri=\"/v1/chat/completions\"");
    }

    // ---- media refusals ----

    private static String request(String model, Object... parts) {
        return new io.vertx.core.json.JsonObject(Map.of("model", model, "messages",
                List.of(Map.of("role", "user", "content", List.of(parts))))).encode();
    }

    private static Map<String, Object> part(String type, Object value) {
        return Map.of("type", type, type, value);
    }

    @Test
    void remoteImageUrlsAreRefusedUnlessAllowed() {
        given().contentType("application/json")
                .body(request("emo-text", part("image_url", Map.of("url", "http://169.254.169.254/latest/meta-data"))))
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType("application/json")
                .body("error.code", org.hamcrest.Matchers.equalTo("remote_media_not_allowed"))
                .body("error.param", org.hamcrest.Matchers.equalTo("messages[0].content[0]"))
                .body("error.type", org.hamcrest.Matchers.equalTo("invalid_request_error"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anAllowedRemoteImageIsFetchedAndMeasured() {
        stub.serve("/media/group.jpg", TestMedia.bytes("sample3.jpg"));
        stub.enqueue(Response.ok(OpenAiStub.chatCompletion("Happy group.", 10, 3)));

        given().contentType("application/json")
                .body(request("emo-text", part("image_url", Map.of("url", stub.root() + "/media/group.jpg"))))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(stub.lastRequest().json().path("messages").get(0).path("content").asText()).contains("[F3.expr] face F3");
    }

    @Test
    void tooManyMediaPartsAreRefused() {
        Map<String, Object> image = part("image_url", Map.of("url", Sdk.dataUri("sample1.jpg")));
        given().contentType("application/json").body(request("emo-text", image, image, image, image))
                .post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", org.hamcrest.Matchers.equalTo("too_many_media_parts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"emo-answer", "affectra-cues", "affectra-deemo", "affectra-pep-mek"})
    void tooManyMediaPartsAreRefusedBeforeAnyIsEncodedInEveryMode(String model) {
        // The first part would fail in its encoder (a 500): the refusal must come before any part is encoded.
        Map<String, Object> faulty = part("image_url", Map.of("url", "data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(FaultInjectingEncoder.MARKER)));
        Map<String, Object> image = part("image_url", Map.of("url", Sdk.dataUri("sample1.jpg")));
        given().contentType("application/json").body(request(model, faulty, image, image, image))
                .post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("too_many_media_parts"))
                .body("error.param", org.hamcrest.Matchers.equalTo("messages"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anImageTheDecoderCannotReadIsA400NamingThePart() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("emo-text")
                .addUserMessageOfArrayOfContentParts(List.of(Sdk.text("Mood?"), Sdk.image("data:image/png;base64,bm90IGFuIGltYWdl")))
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("unsupported_media_type");
                    assertThat(e.param()).contains("messages[0].content[1]");
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void malformedJsonAndWrongMethodsSpeakOpenAisErrorShape() {
        given().contentType("application/json").body("{\"model\":").post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", org.hamcrest.Matchers.equalTo("invalid_json"));
        given().get("/v1/chat/completions").then().statusCode(405)
                .body("error.type", org.hamcrest.Matchers.equalTo("invalid_request_error"));
        given().contentType("application/json").body("{\"model\":\"gw/stub-model\",\"messages\":[]}").post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", org.hamcrest.Matchers.equalTo("messages"));
        given().contentType("application/json")
                .body("{\"model\":\"gw/stub-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream_options\":{\"include_usage\":true}}")
                .post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", org.hamcrest.Matchers.equalTo("stream_options"));
    }
}
