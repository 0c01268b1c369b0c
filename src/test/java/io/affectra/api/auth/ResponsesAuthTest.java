package io.affectra.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import io.affectra.testing.OpenAiStub;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/responses} behind API keys: every method needs a key, and a stored response belongs to the key that made
 * it (another key can neither read, continue nor delete it: to that key it does not exist).
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class ResponsesAuthTest {

    OpenAiStub stub;

    @TestHTTPResource("/v1")
    URL base;

    @BeforeEach
    void setUp() {
        stub.reset();
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base.toString()).apiKey(key).maxRetries(0).build();
    }

    private static ResponseCreateParams.Builder local(String input) {
        return ResponseCreateParams.builder().model("affectra-local").input(input);
    }

    @Test
    void withoutAKeyEveryMethodIs401InOpenAisShape() {
        given().contentType("application/json").body("{\"model\":\"affectra-local\",\"input\":\"hi\"}").post("/v1/responses")
                .then().statusCode(401).header("www-authenticate", "Bearer").body("error.code", equalTo("missing_api_key"));
        given().get("/v1/responses/resp_x").then().statusCode(401).body("error.code", equalTo("missing_api_key"));
        given().delete("/v1/responses/resp_x").then().statusCode(401).body("error.code", equalTo("missing_api_key"));
        assertThatThrownBy(() -> client("sk-wrong-key-123456").responses().create(local("hi").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.code()).contains("invalid_api_key"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aStoredResponseBelongsToTheKeyThatMadeIt() {
        OpenAIClient alice = client(AuthOnProfile.ALICE);
        OpenAIClient other = client(AuthOnProfile.SINGLE);
        Response mine = alice.responses().create(local("I am so happy today!").build());

        assertThat(alice.responses().retrieve(mine.id()).id()).isEqualTo(mine.id());
        assertThatThrownBy(() -> other.responses().retrieve(mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.responses().create(local("And?").previousResponseId(mine.id()).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.param()).contains("previous_response_id"));
        assertThatThrownBy(() -> other.responses().delete(mine.id())).isInstanceOf(NotFoundException.class);

        // Still there for its owner, who can continue and delete it.
        Response next = alice.responses().create(local("And now?").previousResponseId(mine.id()).build());
        assertThat(next.previousResponseId()).contains(mine.id());
        alice.responses().delete(mine.id());
        assertThatThrownBy(() -> alice.responses().retrieve(mine.id())).isInstanceOf(NotFoundException.class);
    }
}
