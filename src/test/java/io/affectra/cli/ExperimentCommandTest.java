package io.affectra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code affectra experiment} against the running test server over real HTTP: the offline {@code local} backend on
 * the test photographs (uploaded from a file next to the spec) and on the built-in knowledge pairs (named by the
 * spec), with its progress events, gates, exit codes and reports.
 */
@QuarkusTest
class ExperimentCommandTest {

    private static final Path DIR = Path.of("target", "cli-experiment");

    /** The local reasoner gets p1 and p3 (smiles) right and calls p2 sad: two thirds with every strategy. */
    private static final String PHOTOS = """
            {"id": "p1", "media": "sample1.jpg", "label": "happiness", "category": "photo"}
            {"id": "p2", "media": "sample2.jpg", "label": "neutral", "category": "photo"}
            {"id": "p3", "media": "sample3.jpg", "label": "happiness", "category": "photo"}
            """;

    private static final String PHOTO_SPEC = """
            name: cli-photos
            dataset: photos.jsonl
            format: label
            mediaDir: src/test/resources/media
            labels: [happiness, neutral, sadness, anger]
            backends: [local]
            strategies: [direct, emo-llama]
            gates:
              - accuracy >= 0.6
              - accuracy regression <= 0.02
            """;

    private record Result(int status, String out, String err) {

        String id() {
            Matcher m = Pattern.compile("experiment ([0-9a-f-]{36}): ").matcher(err);
            assertThat(m.find()).as("the experiment's id on stderr: " + err).isTrue();
            return m.group(1);
        }
    }

    private static Result experiment(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = "http://localhost:" + RestAssured.port;
        System.arraycopy(args, 0, all, 2, args.length);
        int status = new ExperimentCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(all);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path write(String name, String text) throws IOException {
        Files.createDirectories(DIR);
        return Files.writeString(DIR.resolve(name), text);
    }

    @Test
    void passingGatesExitZeroWithTheLeaderboardAndReports() throws Exception {
        write("photos.jsonl", PHOTOS);
        Path spec = write("photos.yaml", PHOTO_SPEC);
        Path junit = DIR.resolve("passing.xml");
        Path markdown = DIR.resolve("passing.md");
        Files.deleteIfExists(junit);
        Files.deleteIfExists(markdown);

        Result r = experiment("run", spec.toString(), "--junit", junit.toString(), "--markdown", markdown.toString());

        assertThat(r.status()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).contains(": 2 cells, 6 trials, dataset " + DIR.resolve("photos.jsonl").toAbsolutePath().normalize())
                .contains("[##############################] 100.0% 6/6 trials");
        assertThat(r.out()).contains("experiment cli-photos (" + r.id() + "): completed, label, 3 cases x 2 cells, baseline c1")
                .containsPattern("c1\\s+shipped \\| local \\| direct\\s+66\\.7%\\s+baseline")
                .containsPattern("c2\\s+shipped \\| local \\| emo-llama\\s+66\\.7%\\s+\\+0\\.0 \\[\\+0\\.0, \\+0\\.0\\]\\s+1\\.000")
                .contains("  PASS  accuracy >= 0.6\n  PASS  accuracy regression <= 0.02\n").endsWith("all 2 gates passed\n");

        Document xml = ExperimentReportsTest.parse(Files.readString(junit));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("cli-photos");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo("accuracy >= 0.6");

        assertThat(Files.readString(markdown)).startsWith("### Experiment `cli-photos`: all 2 gates passed ✅\n")
                .contains("| c2 | shipped \\| local \\| emo-llama | 66.7% | +0.0 [+0.0, +0.0] | 1.000 |")
                .contains("- ✅ PASS `accuracy >= 0.6`\n");
    }

    @Test
    void aFailingGateExitsOneHundredAndTheReportsSayWhy() throws Exception {
        // A built-in set: the spec goes as its own text. Without knowledge the direct strategy gets 1 of the first 6 pairs.
        Path spec = write("knowledge.yaml", """
                name: cli-knowledge
                dataset: knowledge-pairs
                limit: 6
                backends: [local]
                strategies: [direct, pep-mek]
                gates:
                  - overallAccuracy >= 0.5
                  - c2 overallAccuracy >= 0.5
                """);
        Path junit = DIR.resolve("failing.xml");
        Path markdown = DIR.resolve("failing.md");

        Result r = experiment("run", spec.toString(), "--junit", junit.toString(), "--markdown", markdown.toString());

        assertThat(r.status()).as(r.err() + r.out()).isEqualTo(100);
        assertThat(r.err()).contains(": 2 cells, 24 trials").contains("100.0% 24/24 trials").doesNotContain("dataset /");
        assertThat(r.out()).containsPattern("c1\\s+shipped \\| local \\| direct\\s+16\\.7%\\s+baseline")
                .containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+66\\.7%\\s+\\+50\\.0 \\[")
                .contains("  FAIL  overallAccuracy >= 0.5\n          c1: overallAccuracy = 0.1667\n  PASS  c2 overallAccuracy >= 0.5\n")
                .endsWith("1 of 2 gates failed\n");

        Document xml = ExperimentReportsTest.parse(Files.readString(junit));
        assertThat(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("1");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("c1: overallAccuracy = 0.1667");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("overallAccuracy >= 0.5");

        assertThat(Files.readString(markdown)).startsWith("### Experiment `cli-knowledge`: 1 of 2 gates failed ❌\n")
                .contains("| overallAccuracy |").contains("- ❌ FAIL `overallAccuracy >= 0.5`\n  - c1: overallAccuracy = 0.1667\n");
    }

    /** The same cells over a relabelled copy of the photographs: p2 is now called sad, as the local reasoner calls it. */
    @Test
    void aDiffMatchesTheCellsAndShowsTheCaseThatFlipped() throws IOException {
        write("photos.jsonl", PHOTOS);
        Path spec = write("photos.yaml", PHOTO_SPEC);
        Path relabelled = write("relabelled.jsonl", PHOTOS.replace("\"neutral\", \"category\"", "\"sadness\", \"category\""));
        Result a = experiment("run", spec.toString());
        Result b = experiment("run", spec.toString(), "--dataset", relabelled.toString());
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(b.err()).contains("dataset " + relabelled);

        Result diff = experiment("diff", a.id(), b.id());

        assertThat(diff.status()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("A: experiment cli-photos (" + a.id() + ")").contains("B: experiment cli-photos (" + b.id() + ")")
                .contains("the datasets differ").contains("2 cells matched, 0 only in A, 0 only in B")
                .containsPattern("c1\\s+c1\\s+shipped \\| local \\| direct\\s+3\\s+66\\.7%\\s+100\\.0%\\s+\\+33\\.3 \\[")
                .contains("  c1 -> c1: right in A, wrong in B: -; wrong in A, right in B: p2\n")
                .contains("  c2 -> c2: right in A, wrong in B: -; wrong in A, right in B: p2\n");

        Result missing = experiment("diff", a.id(), "no-such-experiment");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("experiment no-such-experiment (404): experiment-not-found");
    }

    @Test
    void aDryRunPrintsItsCountsAndARefusedSpecItsProblem() throws IOException {
        Result dry = experiment("run", write("dry.yaml", "dataset: knowledge-pairs\nlimit: 3\nbackends: [local]\nstrategies: [direct, pep-mek]\ndryRun: true\n")
                .toString());
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).startsWith("dry run (nothing was called): 2 cells x 6 cases x 1 repeats = 12 trials, baseline c1\n")
                .containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+3\n");

        Result refused = experiment("run", write("bad.yaml", "dataset: knowledge-pairs\nablation: [-face]\n").toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("the server refused the experiment (400): invalid-experiment: Unknown field 'ablation'");
    }
}
