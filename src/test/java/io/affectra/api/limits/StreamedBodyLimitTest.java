package io.affectra.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.ChunkedSender;
import io.affectra.testing.ChunkedSender.Result;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bodies without a Content-Length (chunked) are counted as they arrive and refused at the limit: the server answers
 * 413 and closes the connection instead of reading, holding or storing the rest. The body offered here is 128 times the
 * limit; a server that read it all would let the client finish sending it.
 */
@QuarkusTest
@TestProfile(SmallBodyLimits.class)
class StreamedBodyLimitTest {

    private static final long OFFERED = 256L * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aChunkedChatRequestIsRefusedAtTheLimitNotAfterBufferingIt() throws Exception {
        byte[] prefix = "{\"model\":\"affectra-local\",\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8);
        Result result = ChunkedSender.send(base, "POST", "/v1/chat/completions", "Content-Type: application/json\r\n", prefix, OFFERED);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.body()).contains("request_too_large").contains("affectra.chat.max-request-bytes");
        assertThat(result.wholeBodySent()).as("the server stopped taking the body").isFalse();
        assertThat(result.bytesSent()).isLessThan(OFFERED / 4);
    }

    /** The transport counts these (HttpLimitDefaults sets its limit from the media limits) and answers the 413 itself. */
    @Test
    void aChunkedMultipartUploadIsRefusedAtTheLimitNotAfterStoringIt() throws Exception {
        byte[] prefix = ("--XyZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/v1/emotion/analyze", "/v1/emotion/jobs"}) {
            Result result = ChunkedSender.send(base, "POST", path, "Content-Type: multipart/form-data; boundary=XyZ\r\n", prefix, OFFERED);

            assertThat(result.status()).as(path).isEqualTo(413);
            assertThat(result.head()).as(path).containsIgnoringCase("connection: close");
            assertThat(result.wholeBodySent()).as(path + ": the server stopped taking the body").isFalse();
            assertThat(result.bytesSent()).as(path).isLessThan(OFFERED / 4);
        }
    }

    @Test
    void aChunkedBodyUnderTheLimitStillWorks() throws Exception {
        byte[] body = "{\"model\":\"affectra-local\",\"messages\":[{\"role\":\"user\",\"content\":\"I am so happy today\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        Result result = ChunkedSender.send(base, "POST", "/v1/chat/completions", "Content-Type: application/json\r\nConnection: close\r\n",
                body, body.length);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("chat.completion");
    }
}
