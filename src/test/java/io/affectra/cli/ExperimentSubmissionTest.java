package io.affectra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a spec file becomes the request, the arguments, and what a refusal looks like, over loopback HTTP. */
class ExperimentSubmissionTest {

    private record Result(int status, String out, String err) {
    }

    private static Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ExperimentCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBuiltInSetGoesAsTheSpecTextItself(@TempDir Path dir) throws IOException {
        String yaml = "name: kp\ndataset: knowledge-pairs  # built in\nlimit: 4\n";
        Path spec = Files.writeString(dir.resolve("kp.yaml"), yaml);

        ExperimentSubmission s = ExperimentSubmission.of(spec, null);

        assertThat(s.contentType()).isEqualTo("application/yaml");
        assertThat(new String(s.body(), StandardCharsets.UTF_8)).isEqualTo(yaml);
        assertThat(s.uploaded()).isNull();
    }

    @Test
    void aDatasetFileNextToTheSpecIsUploadedAndMediaDirMeansWhatItMeansToTheApi(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sets/photos"));
        Files.writeString(dir.resolve("sets/faces.jsonl"), "{\"id\": \"p1\", \"media\": \"a.jpg\", \"label\": \"happiness\"}\n");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "dataset: sets/faces.jsonl\nformat: label\nmediaDir: sets/photos\ngates: [accuracy >= 0.5]\n");

        ExperimentSubmission s = ExperimentSubmission.of(spec, null);
        String body = new String(s.body(), StandardCharsets.UTF_8);

        assertThat(s.contentType()).startsWith("multipart/form-data; boundary=affectra-");
        assertThat(s.uploaded()).isEqualTo(dir.resolve("sets/faces.jsonl"));
        assertThat(body).contains("Content-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"format\":\"label\",\"mediaDir\":\"sets/photos\",\"gates\":[\"accuracy >= 0.5\"]}\r\n");
        assertThat(body).contains("Content-Disposition: form-data; name=\"dataset\"; filename=\"faces.jsonl\"\r\nContent-Type: application/x-ndjson\r\n\r\n"
                + "{\"id\": \"p1\", \"media\": \"a.jpg\", \"label\": \"happiness\"}\n\r\n");
        assertThat(body).endsWith("--\r\n");
    }

    @Test
    void aDatasetOnTheCommandLineReplacesTheSpecsAndItsFolderHoldsTheMedia(@TempDir Path dir) throws IOException {
        Path set = Files.writeString(dir.resolve("other.jsonl"), "{}\n");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "{\"dataset\": \"knowledge-pairs\", \"format\": \"pair\"}");

        String body = new String(ExperimentSubmission.of(spec, set).body(), StandardCharsets.UTF_8);

        assertThat(body).contains("{\"format\":\"pair\",\"mediaDir\":\"" + dir.toAbsolutePath() + "\"}").contains("filename=\"other.jsonl\"");
    }

    @Test
    void aMissingDatasetFileOrABrokenSpecIsSaidPlainly(@TempDir Path dir) throws IOException {
        Path missing = Files.writeString(dir.resolve("a.yaml"), "dataset: photos.jsonl\n");
        assertThatThrownBy(() -> ExperimentSubmission.of(missing, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("looks like a file, but there is none at " + dir.resolve("photos.jsonl"));
        Path broken = Files.writeString(dir.resolve("b.yaml"), "dataset: [unclosed\n");
        assertThatThrownBy(() -> ExperimentSubmission.of(broken, null)).hasMessageContaining("is not valid YAML or JSON");
        Path scalar = Files.writeString(dir.resolve("c.yaml"), "just words\n");
        assertThatThrownBy(() -> ExperimentSubmission.of(scalar, null)).hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> ExperimentSubmission.of(missing, dir.resolve("nope.jsonl"))).hasMessageContaining("--dataset: no such file");
    }

    @Test
    void badArgumentsExitOneWithTheUsage(@TempDir Path dir) {
        assertThat(command("run").status()).isEqualTo(1);
        assertThat(command("run").err()).contains("experiment run takes one spec file").contains("usage: affectra experiment run SPEC.yaml");
        assertThat(command("fly").err()).contains("unknown subcommand 'fly'");
        assertThat(command("diff", "a").err()).contains("experiment diff takes two experiment ids");
        assertThat(command("diff", "a", "b", "--junit", "x.xml").err()).contains("belong to experiment run");
        assertThat(command("run", "x.yaml", "--junit").err()).contains("--junit needs a value");
        assertThat(command("run", dir.resolve("none.yaml").toString(), "--url", "http://127.0.0.1:9").err()).contains("no such spec file");
        Result help = command("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("affectra experiment diff A B");
    }

    /** A server with keys on: the key goes as a bearer token, and a refusal prints its problem's detail. */
    @Test
    void theKeyIsSentAndARefusalPrintsTheProblem(@TempDir Path dir) throws IOException {
        List<String> authorization = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/experiments", exchange -> {
            authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            byte[] problem = "{\"type\":\"urn:affectra:problem:invalid-experiment\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"gate 'accuracy is good' is not a gate\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        server.start();
        try {
            Path spec = Files.writeString(dir.resolve("kp.yaml"), "dataset: knowledge-pairs\ngates: [accuracy is good]\n");
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            Result r = command("run", spec.toString(), "--url", url, "--api-key", "sk-test-1");

            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("the server refused the experiment (400): invalid-experiment: gate 'accuracy is good' is not a gate");
            assertThat(authorization).containsExactly("Bearer sk-test-1");

            Result diff = command("diff", "a", "b", "--url", url);
            assertThat(diff.status()).isEqualTo(1);
            assertThat(diff.err()).contains("experiment a (400): invalid-experiment");
        } finally {
            server.stop(0);
        }
    }

    /** A server that pages its case matrix two rows at a time (the real one: 500): the diff reads every page. */
    @Test
    void aDiffReadsEveryPageOfTheMatrix() throws IOException {
        ObjectMapper json = new ObjectMapper();
        byte[] view = json.writeValueAsBytes(ExperimentReportsTest.fixture("experiment-label-view"));
        JsonNode matrix = ExperimentReportsTest.fixture("experiment-label-matrix");
        List<String> pages = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/experiments/", exchange -> {
            byte[] body = view;
            if (exchange.getRequestURI().getPath().endsWith("/matrix")) {
                String query = exchange.getRequestURI().getQuery();
                pages.add(query);
                int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
                ObjectNode page = json.createObjectNode().put("total", 3).put("offset", offset).put("limit", 2);
                page.set("cells", matrix.path("cells"));
                ArrayNode rows = page.putArray("rows");
                for (int i = offset; i < Math.min(3, offset + 2); i++) {
                    rows.add(matrix.path("rows").path(i));
                }
                body = json.writeValueAsBytes(page);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Result r = command("diff", "a", "b", "--url", "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(pages).containsExactly("offset=0&limit=500", "offset=2&limit=500", "offset=0&limit=500", "offset=2&limit=500");
            assertThat(r.out()).contains("4 cells matched").containsPattern("c1\\s+c1\\s+shipped \\| local \\| direct\\s+3\\s+66\\.7%\\s+66\\.7%")
                    .doesNotContain("left out");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServerIsAnError(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("kp.yaml"), "dataset: knowledge-pairs\n");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // nothing listens on it once closed
        }

        Result r = command("run", spec.toString(), "--url", "http://127.0.0.1:" + port);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("cannot reach the server at http://127.0.0.1:" + port);
    }
}
