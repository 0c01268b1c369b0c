package io.affectra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.eval.metrics.BaselineComparison;
import io.affectra.eval.metrics.DatasetFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The experiment reports from views and matrices a server answered (captured from runs on the local backend: four
 * cells over the three test photographs, two knowledge-pair cells, a dry run), so the renderers read the real shape.
 */
class ExperimentReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode fixture(String name) throws IOException {
        try (InputStream in = ExperimentReportsTest.class.getResourceAsStream("/cli/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** The label view with only its passing gate left, as a run whose gates all held would answer. */
    static ObjectNode passing() throws IOException {
        ObjectNode view = fixture("experiment-label-view");
        ArrayNode gates = view.putArray("gates");
        fixture("experiment-label-view").path("gates").forEach(g -> {
            if (g.path("passed").asBoolean()) {
                gates.add(g);
            }
        });
        view.put("gatesPassed", true);
        return view;
    }

    @Test
    void theLeaderboardShowsEachCellAgainstTheBaselineAndTheGates() throws IOException {
        String text = Leaderboard.text(fixture("experiment-label-view"), null);

        assertThat(text).startsWith("experiment photos (376fcc5c-7df4-4d02-a5c3-3f7abd1b338f): completed, label, 3 cases x 4 cells, baseline c1\n");
        assertThat(text).containsPattern("cell\\s+label\\s+accuracy\\s+vs c1 \\[95% CI\\]\\s+p \\(Holm\\)\\s+p50 ms\\s+p95 ms\\s+tokens in/out\\s+cache\\s+errors\n");
        assertThat(text).containsPattern("c1\\s+shipped \\| local \\| direct\\s+66\\.7%\\s+baseline\\s+1972\\s+1973\\s+0/0\\s+0\\.0%\\s+0\n");
        assertThat(text).containsPattern("c2\\s+shipped \\| local \\| direct \\| -face\\s+0\\.0%\\s+-66\\.7 \\[-100\\.0, \\+0\\.0\\]\\s+1\\.000\\s+30\\s+260\\s+0/0\\s+0\\.0%\\s+0\n");
        assertThat(text).containsPattern("c3\\s+shipped \\| local \\| emo-llama\\s+66\\.7%\\s+\\+0\\.0 \\[\\+0\\.0, \\+0\\.0\\]\\s+1\\.000");
        assertThat(text).contains("cue cache: 6 hits, 6 misses\n");
        assertThat(text).contains("""
                gates:
                  FAIL  accuracy >= 0.3
                          c2: accuracy = 0.0000
                          c4: accuracy = 0.0000
                  FAIL  accuracy >= 0.99
                """);
        assertThat(text).contains("  PASS  accuracy regression <= 0.02\n").endsWith("2 of 3 gates failed\n");
    }

    @Test
    void thePairFormatRanksByOverallAccuracyUnlessAnotherMetricIsNamed() throws IOException {
        ObjectNode view = fixture("experiment-pair-view");

        assertThat(Leaderboard.text(view, null)).containsPattern("overallAccuracy\\s+vs c1")
                .containsPattern("c1\\s+shipped \\| local \\| direct\\s+8\\.3%\\s+baseline")
                .containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+66\\.7%\\s+\\+58\\.3 \\[\\+33\\.3, \\+83\\.3\\]\\s+0\\.016")
                .endsWith("the gate failed\n");
        assertThat(Leaderboard.text(view, "basicAccuracy")).containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+91\\.7%\\s+-8\\.3 \\[-25\\.0, \\+0\\.0\\]\\s+1\\.000");
        assertThat(Leaderboard.text(view, "noSuchMetric")).containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+n/a\\s+n/a\\s+-");
    }

    @Test
    void theExitCodeSaysCompletedPassedCompletedFailedOrBroken() throws IOException {
        assertThat(ExperimentOutcome.exitCode(fixture("experiment-label-view"))).isEqualTo(100);
        assertThat(ExperimentOutcome.exitCode(fixture("experiment-pair-view"))).isEqualTo(100);
        assertThat(ExperimentOutcome.exitCode(passing())).isZero();
        assertThat(ExperimentOutcome.summary(passing())).isEqualTo("the gate passed");

        ObjectNode ungated = fixture("experiment-label-view");
        ungated.remove("gates");
        ungated.remove("gatesPassed");
        assertThat(ExperimentOutcome.exitCode(ungated)).isZero();
        assertThat(ExperimentOutcome.summary(ungated)).isEqualTo("completed, no gates");

        for (String status : List.of("failed", "cancelled", "running")) {
            ObjectNode broken = passing();
            broken.put("status", status);
            assertThat(ExperimentOutcome.exitCode(broken)).as(status).isEqualTo(1);
        }
    }

    @Test
    void junitHasATestCasePerGateAndPerCellWithErrors() throws Exception {
        ObjectNode view = fixture("experiment-label-view");
        ((ObjectNode) view.path("cells").path(2)).put("errors", 2);

        Document xml = parse(JunitReport.of(view));

        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("photos");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("4.086");
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("accuracy >= 0.3", "accuracy >= 0.99", "accuracy regression <= 0.02", "c3 shipped | local | emo-llama");
        Element first = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertThat(first.getAttribute("message")).isEqualTo("2 failures");
        assertThat(first.getTextContent()).isEqualTo("c2: accuracy = 0.0000\nc4: accuracy = 0.0000");
        assertThat(((Element) cases.item(2)).getChildNodes().getLength()).isZero();
        Element error = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("2 of 3 trials failed");
        assertThat(((Element) cases.item(3)).getAttribute("classname")).isEqualTo("photos.cells");
        assertThat(xml.getElementsByTagName("property").getLength()).isEqualTo(5);
    }

    @Test
    void junitOfARunThatDidNotCompleteSaysWhy() throws Exception {
        ObjectNode view = passing();
        view.put("status", "failed");
        view.put("error", "backend stub stopped answering <after 10 errors>");

        Document xml = parse(JunitReport.of(view));

        Element run = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(run.getAttribute("name")).isEqualTo("experiment completes");
        assertThat(run.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("backend stub stopped answering <after 10 errors>");
        assertThat(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void markdownIsATableAPullRequestRendersAndTheGates() throws IOException {
        String md = Leaderboard.markdown(fixture("experiment-label-view"), null);

        assertThat(md).startsWith("### Experiment `photos`: 2 of 3 gates failed ❌\n\n`376fcc5c-7df4-4d02-a5c3-3f7abd1b338f` · completed · label · "
                + "3 cases x 4 cells · baseline `c1` · cue cache 6 hits / 6 misses\n\n");
        assertThat(md).contains("| cell | label | accuracy | vs c1 [95% CI] | p (Holm) | p50 ms | p95 ms | tokens in/out | cache | errors |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        assertThat(md).contains("| c2 | shipped \\| local \\| direct \\| -face | 0.0% | -66.7 [-100.0, +0.0] | 1.000 | 30 | 260 | 0/0 | 0.0% | 0 |\n");
        // Every row of the table has the header's eleven unescaped pipes: the labels' own pipes are escaped.
        md.lines().filter(l -> l.startsWith("| c")).forEach(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(11));
        assertThat(md).contains("**Gates**\n\n- ❌ FAIL `accuracy >= 0.3`\n  - c2: accuracy = 0.0000\n  - c4: accuracy = 0.0000\n")
                .contains("- ✅ PASS `accuracy regression <= 0.02`\n");
        assertThat(Leaderboard.markdown(passing(), null)).startsWith("### Experiment `photos`: the gate passed ✅\n");
    }

    @Test
    void aDryRunShowsItsCountsAndCells() throws IOException {
        String text = DryRunSummary.text(fixture("experiment-dry-run"));

        assertThat(text).startsWith("dry run (nothing was called): 2 cells x 6 cases x 1 repeats = 12 trials, baseline c1\n"
                + "estimated: 24 backend calls, about 12858 prompt tokens\n");
        assertThat(text).containsPattern("c1\\s+shipped \\| local \\| direct\\s+1\n").containsPattern("c2\\s+shipped \\| local \\| pep-mek\\s+3\n")
                .contains("4 first prompts rendered");
    }

    /** The client-side comparison from the matrix is the server's own, number for number and flip for flip. */
    @Test
    void scoresFromTheMatrixReproduceTheServersComparisons() throws IOException {
        for (String name : List.of("experiment-pair", "experiment-label")) {
            JsonNode view = fixture(name + "-view");
            JsonNode matrix = fixture(name + "-matrix");
            DatasetFormat format = DatasetFormat.of(view.path("format").asText());
            for (JsonNode server : view.path("comparisons")) {
                String cell = server.path("cell").asText();
                BaselineComparison mine = BaselineComparison.of("c1", ExperimentDiff.scores(format, matrix, "c1", false), cell,
                        ExperimentDiff.scores(format, matrix, cell, false), ExperimentDiff.SAMPLES, ExperimentDiff.SEED, 0.95);
                assertThat(mine.cases()).isEqualTo(server.path("cases").asInt());
                assertThat(mine.metrics().keySet()).containsExactlyElementsOf(() -> server.path("metrics").fieldNames());
                mine.metrics().forEach((metric, m) -> {
                    JsonNode s = server.path("metrics").path(metric);
                    assertThat(m.difference()).as(name + " " + cell + " " + metric).isEqualTo(s.path("difference").asDouble());
                    assertThat(m.ciLow()).isEqualTo(s.path("ci").path(0).asDouble());
                    assertThat(m.ciHigh()).isEqualTo(s.path("ci").path(1).asDouble());
                    assertThat(m.mcNemarP()).isEqualTo(s.path("pValue").asDouble());
                    assertThat(m.rightToWrong()).containsExactlyElementsOf(JSON.convertValue(s.path("rightToWrong"), List.class));
                    assertThat(m.wrongToRight()).containsExactlyElementsOf(JSON.convertValue(s.path("wrongToRight"), List.class));
                });
            }
        }
    }

    @Test
    void anExperimentDiffedWithItselfMatchesEveryCellAndNothingFlips() throws IOException {
        JsonNode view = fixture("experiment-label-view");
        JsonNode matrix = fixture("experiment-label-matrix");

        ExperimentDiff.Result r = ExperimentDiff.of(view, matrix, view, matrix, null);
        String text = ExperimentDiff.text(r, view, view);

        assertThat(r.matched()).hasSize(4);
        assertThat(r.matched()).allSatisfy(m -> assertThat(m.a().path("id")).isEqualTo(m.b().path("id")));
        assertThat(text).contains("4 cells matched, 0 only in A, 0 only in B").contains("no case flipped (accuracy)")
                .containsPattern("c2\\s+c2\\s+shipped \\| local \\| direct \\| -face\\s+3\\s+0\\.0%\\s+0\\.0%\\s+\\+0\\.0 \\[\\+0\\.0, \\+0\\.0\\]\\s+1\\.000\\s+0/0");
        assertThat(text).doesNotContain("the datasets differ");
    }

    @Test
    void cellsMatchByWhatTheyRanAndFlipsAreListed() throws IOException {
        ObjectNode a = fixture("experiment-label-view");
        ObjectNode b = fixture("experiment-label-view");
        ObjectNode matrixB = fixture("experiment-label-matrix");
        // B: the first cell dropped; and the case p2 now answered right by direct without the face (c2).
        ((ArrayNode) b.path("cells")).remove(0);
        ((ObjectNode) matrixB.path("rows").path(1).path("cells").path("c2")).put("correct", true).put("correctRate", 1.0);
        ((ObjectNode) b.path("dataset")).put("sha256", "0123456789abcdef0123");

        ExperimentDiff.Result r = ExperimentDiff.of(a, fixture("experiment-label-matrix"), b, matrixB, null);
        String text = ExperimentDiff.text(r, a, b);

        assertThat(r.onlyA()).extracting(c -> c.path("id").asText()).containsExactly("c1");
        assertThat(text).contains("3 cells matched, 1 only in A, 0 only in B").contains("the datasets differ (sha256 504b1c1e119b and 0123456789ab)")
                .containsPattern("c2\\s+c2\\s+shipped \\| local \\| direct \\| -face\\s+3\\s+0\\.0%\\s+33\\.3%\\s+\\+33\\.3 \\[")
                .contains("flipped cases (accuracy):\n  c2 -> c2: right in A, wrong in B: -; wrong in A, right in B: p2\n")
                .contains("only in A: c1 shipped | local | direct\n");
    }

    @Test
    void onlyTheCasesBothRanAreCompared() throws IOException {
        JsonNode view = fixture("experiment-label-view");
        ObjectNode partial = fixture("experiment-label-matrix");
        ((ArrayNode) partial.path("rows")).remove(2);

        String text = ExperimentDiff.text(ExperimentDiff.of(view, fixture("experiment-label-matrix"), view, partial, null), view, view);

        assertThat(text).containsPattern("c1\\s+c1\\s+shipped \\| local \\| direct\\s+2\\s+50\\.0%\\s+50\\.0%")
                .contains("  c1 -> c1: left out 1 case(s) only A ran and 0 only B ran\n");
    }

    @Test
    void experimentsInDifferentFormatsDoNotCompare() throws IOException {
        assertThatThrownBy(() -> ExperimentDiff.of(fixture("experiment-label-view"), fixture("experiment-label-matrix"), fixture("experiment-pair-view"),
                fixture("experiment-pair-matrix"), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format label, B in pair");
    }

    @Test
    void withRepeatsACaseScoresItsShareOfRightRepeats() throws IOException {
        ObjectNode matrix = fixture("experiment-pair-matrix");
        ((ObjectNode) matrix.path("rows").path(0).path("cells").path("c1")).put("correctRate", 0.5);

        var scores = ExperimentDiff.scores(DatasetFormat.PAIR, matrix, "c1", true);

        assertThat(scores.metric("overallAccuracy")).isNull();
        assertThat(scores.metric("basicAccuracy").binary()).isFalse();
        assertThat(scores.metric("basicAccuracy").byCase().get("kp001")).isEqualTo(0.5);
        assertThat(scores.metric("hallucinatedAccuracy").byCase().get("kp001")).isEqualTo(0.0);
        assertThat(scores.cases()).hasSize(12);
    }

    @Test
    void tablesAlignAndEscape() {
        TextTable t = new TextTable().left("name").right("n").row("a", "1").row("longer | name", "100");

        assertThat(t.plain()).isEqualTo("name             n\na                1\nlonger | name  100\n");
        assertThat(t.markdown()).isEqualTo("| name | n |\n|---|---:|\n| a | 1 |\n| longer \\| name | 100 |\n");
        assertThatThrownBy(() -> t.row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
