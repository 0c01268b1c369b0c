package io.affectra.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.analysis.InvalidRequestException;
import io.affectra.api.openai.OpenAiError;
import io.affectra.error.ReportedError;
import io.affectra.gateway.media.MediaRejected;
import io.affectra.llm.BackendException;
import io.affectra.llm.UnknownBackendException;
import io.affectra.media.MediaException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each failure decides its status and code once; both surfaces render exactly that, each in its own shape. */
class ReportedErrorRenderingTest {

    private static final List<ReportedError> FAILURES = List.of(
            new BackendException("vllm", BackendException.Reason.TIMEOUT, "no reply in 60s", null),
            new BackendException("vllm", BackendException.Reason.UNAVAILABLE, "connection refused", null),
            new BackendException("vllm", BackendException.Reason.INVALID_ANSWER, "not an answer", null),
            new BackendException("vllm", BackendException.Reason.REJECTED, "bad key", null),
            MediaException.tooLarge(30, 20),
            new InvalidRequestException("transcript-too-long", "too long"),
            new UnknownBackendException("nope", List.of("local")),
            new MediaRejected(400, "too-many-media-parts", "messages", "too many"));

    @Test
    void theProblemAndTheOpenAiErrorCarryTheSameStatusAndCode() {
        for (ReportedError failure : FAILURES) {
            Response problem = ProblemMappers.render(failure);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) problem.getEntity();
            OpenAiError openAi = OpenAiError.of(failure);

            assertThat(problem.getStatus()).as(failure.code()).isEqualTo(failure.status()).isEqualTo(openAi.status());
            assertThat(body.get("type")).as(failure.code()).isEqualTo("urn:affectra:problem:" + failure.code());
            assertThat(openAi.code()).isEqualTo(failure.code().replace('-', '_'));
            assertThat(openAi.message()).isEqualTo(failure.getMessage());
        }
    }

    @Test
    void aBackendTimeoutIsAGatewayTimeoutAndEveryOtherBackendFaultABadGateway() {
        assertThat(FAILURES.subList(0, 4)).extracting(ReportedError::status).containsExactly(504, 502, 502, 502);
        assertThat(OpenAiError.of(FAILURES.get(0)).type()).isEqualTo(OpenAiError.SERVER);
        assertThat(OpenAiError.of(FAILURES.get(0)).code()).isEqualTo("backend_timeout");
    }

    @Test
    void detailsAndTheFieldAtFaultSurvive() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) ProblemMappers.render(FAILURES.get(1)).getEntity();
        assertThat(body).containsEntry("backend", "vllm");
        assertThat(OpenAiError.of(FAILURES.get(7)).param()).isEqualTo("messages");
        assertThat(OpenAiError.of(FAILURES.get(7)).type()).isEqualTo(OpenAiError.INVALID_REQUEST);
    }
}
