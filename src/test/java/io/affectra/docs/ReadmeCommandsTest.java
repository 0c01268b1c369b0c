package io.affectra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the README's shell examples as written against a running server: every {@code bash} block that talks to
 * {@code localhost:8080}, with only the port changed. Blocks that start a server themselves ({@code bin/affectra}) or
 * need a server Affectra does not ship (vLLM, Ollama) are left out; the first by the rule below, the second because
 * they name no {@code localhost:8080} route. {@code curl} fails on HTTP errors here, so a documented call that answers
 * 4xx or 5xx fails the test.
 */
@QuarkusTest
class ReadmeCommandsTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    List<DynamicTest> everyServerExampleRunsAsWritten() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(readme);
        while (m.find()) {
            String block = m.group(1);
            if (!block.contains("localhost:8080") || block.contains("bin/affectra")) {
                continue;
            }
            String firstLine = block.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse(block);
            tests.add(DynamicTest.dynamicTest(firstLine, () -> run(block)));
        }
        assertThat(tests).as("server examples found in README.md").hasSizeGreaterThanOrEqualTo(6);
        return tests;
    }

    private void run(String block) throws Exception {
        Path work = Files.createTempDirectory("readme");
        // The examples name files relative to the repository root; body files they write land in the scratch folder.
        for (String shipped : List.of("examples", "reasoning")) {
            Files.createSymbolicLink(work.resolve(shipped), ROOT.resolve(shipped));
        }
        String origin = "http://localhost:" + base.getPort();
        String script = "set -euo pipefail\n"
                + "curl() { command curl --fail-with-body \"$@\"; }\n"
                + block.replace("http://localhost:8080", origin);
        Path out = work.resolve("out.txt");
        Process process = new ProcessBuilder("bash", "-c", script)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        // A bound, not a timing assertion: an example that hangs (an event stream that never ends) must not hang CI.
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(finished).as("finished; output:\n" + output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n" + output).isZero();
        assertThat(output).as("printed something").isNotBlank();
        assertThat(output).doesNotContain("\"status\":500").doesNotContain("internal-error");
    }
}
