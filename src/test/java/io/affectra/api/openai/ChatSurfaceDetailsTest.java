package io.affectra.api.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.affectra.testing.GatewayStubResource;
import io.affectra.testing.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Content parts nobody defines, the cue headers in answer mode, request ids, and OpenAI's 404 for routes not served. */
@QuarkusTest
@QuarkusTestResource(value = GatewayStubResource.class, restrictToAnnotatedClass = true)
class ChatSurfaceDetailsTest {

    OpenAiStub stub;

    @BeforeEach
    void setUp() {
        stub.reset();
    }

    private static String withParts(String model, String parts) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":[" + parts + "]}]}";
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).post("/v1/chat/completions").then();
    }

    @Test
    void anUnknownContentPartIsRefusedInChatAndAnswerModeAlike() {
        String parts = "{\"type\":\"text\",\"text\":\"How do they feel?\"},{\"type\":\"bogus\",\"bogus\":{}}";
        for (String model : new String[] {"emo-text", "affectra-local", "gw/stub-model"}) {
            post(withParts(model, parts)).statusCode(400)
                    .body("error.code", equalTo("unsupported_content_part"))
                    .body("error.param", equalTo("messages[0].content[1]"))
                    .body("error.type", equalTo("invalid_request_error"));
        }
        assertThat(stub.requests()).as("nothing reached the backend").isEmpty();
    }

    @Test
    void answerModeSaysWhatTheMediaGaveInItsHeaders() throws Exception {
        String image = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("examples/friends.jpg")));
        String parts = "{\"type\":\"text\",\"text\":\"How do they feel?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64," + image + "\"}}";
        String cues = post(withParts("affectra-local", parts)).statusCode(200)
                .header("x-affectra-backend", equalTo("local"))
                .header("x-affectra-cues", notNullValue())
                .extract().header("x-affectra-cues");
        assertThat(Integer.parseInt(cues)).isPositive();
        // Without media the header says so rather than being absent.
        post(withParts("affectra-local", "{\"type\":\"text\",\"text\":\"hi\"}")).statusCode(200).header("x-affectra-cues", equalTo("0"));
    }

    @Test
    void everyResponseCarriesARequestIdOfItsOwn() {
        String first = given().get("/v1/models").then().statusCode(200)
                .header("x-request-id", matchesPattern("[0-9a-f-]{36}")).extract().header("x-request-id");
        String second = given().header("x-request-id", "chosen-by-the-client").get("/v1/models").then()
                .extract().header("x-request-id");
        assertThat(second).isNotEqualTo(first).isNotEqualTo("chosen-by-the-client").matches("[0-9a-f-]{36}");
        post("{not json").statusCode(400).header("x-request-id", matchesPattern("[0-9a-f-]{36}"));
        given().post("/v1/emotion/analyze").then().statusCode(415).header("x-request-id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void openAiRoutesThatAreNotServedAnswerInOpenAisShape() {
        for (String path : new String[] {"/v1/embeddings", "/v1/completions", "/v1/audio/speech", "/v1/nope"}) {
            given().contentType("application/json").body("{\"model\":\"x\",\"input\":\"hi\"}").post(path).then()
                    .statusCode(404).contentType("application/json")
                    .body("error.code", equalTo("unknown_url"))
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.message", notNullValue());
        }
        // Affectra's own namespaces keep problem+json.
        given().get("/v1/emotion/nope").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:affectra:problem:not-found"));
    }
}
