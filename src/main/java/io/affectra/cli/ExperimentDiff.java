package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.eval.metrics.BaselineComparison;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.CaseScores;
import io.affectra.eval.metrics.DatasetFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two experiments side by side: their cells matched by what they ran (the variant's sha256, or its name for the
 * shipped templates; backend, strategy, parameters, ablation), their cases by case key, and per matched cell the
 * difference B minus A with the paired bootstrap interval, McNemar p (Holm across the matched cells) and the cases
 * that flipped, computed here from both runs' case matrices as the server computes a cell against its baseline.
 */
final class ExperimentDiff {

    /** The server's bootstrap defaults (affectra.eval.bootstrap-samples, -seed), so a diff reads like a view. */
    static final int SAMPLES = 2000;
    static final long SEED = 42;

    record Match(JsonNode a, JsonNode b, BaselineComparison comparison) {
    }

    /**
     * @param metric  the metric compared
     * @param graded  true when a side has repeats: each case scores its share of right repeats, and no McNemar applies
     */
    record Result(String metric, boolean graded, List<Match> matched, List<JsonNode> onlyA, List<JsonNode> onlyB) {
    }

    private ExperimentDiff() {
    }

    /**
     * @param matrixA every row of A's case matrix ({@code GET /v1/experiments/{id}/matrix}, all pages)
     * @param metric  null for the format's main metric
     * @throws IllegalArgumentException the two are in different formats
     */
    static Result of(JsonNode viewA, JsonNode matrixA, JsonNode viewB, JsonNode matrixB, String metric) {
        String formatA = viewA.path("format").asText();
        if (!formatA.equals(viewB.path("format").asText())) {
            throw new IllegalArgumentException("experiment A is in format " + formatA + ", B in " + viewB.path("format").asText()
                    + "; only experiments over the same kind of cases compare");
        }
        DatasetFormat format = DatasetFormat.of(formatA);
        boolean graded = viewA.path("repeats").asInt(1) > 1 || viewB.path("repeats").asInt(1) > 1;
        List<JsonNode> onlyB = new ArrayList<>();
        viewB.path("cells").forEach(onlyB::add);
        List<JsonNode> onlyA = new ArrayList<>();
        List<Match> unadjusted = new ArrayList<>();
        for (JsonNode a : viewA.path("cells")) {
            JsonNode b = onlyB.stream().filter(x -> key(x).equals(key(a))).findFirst().orElse(null);
            if (b == null) {
                onlyA.add(a);
                continue;
            }
            onlyB.remove(b);
            String cellA = a.path("id").asText();
            String cellB = b.path("id").asText();
            unadjusted.add(new Match(a, b, BaselineComparison.of("A " + cellA, scores(format, matrixA, cellA, graded), "B " + cellB,
                    scores(format, matrixB, cellB, graded), SAMPLES, SEED, 0.95)));
        }
        List<BaselineComparison> adjusted = BaselineComparison.holmAdjusted(unadjusted.stream().map(Match::comparison).toList());
        List<Match> matched = new ArrayList<>();
        for (int i = 0; i < unadjusted.size(); i++) {
            matched.add(new Match(unadjusted.get(i).a(), unadjusted.get(i).b(), adjusted.get(i)));
        }
        return new Result(metric != null ? metric : MetricFormat.main(formatA), graded, matched, onlyA, onlyB);
    }

    static String text(Result r, JsonNode viewA, JsonNode viewB) {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(Leaderboard.headline(viewA)).append('\n');
        sb.append("B: ").append(Leaderboard.headline(viewB)).append('\n');
        String shaA = viewA.path("dataset").path("sha256").asText();
        if (!shaA.equals(viewB.path("dataset").path("sha256").asText())) {
            sb.append("the datasets differ (sha256 ").append(abbrev(shaA)).append(" and ").append(abbrev(viewB.path("dataset").path("sha256").asText()))
                    .append("): only the case keys both have are compared\n");
        }
        if (r.graded()) {
            sb.append("with repeats, a case scores its share of right repeats (no McNemar test; pair overall accuracy is not compared)\n");
        }
        sb.append(String.format(Locale.ROOT, "%d cells matched, %d only in A, %d only in B%n%n", r.matched().size(), r.onlyA().size(),
                r.onlyB().size()));
        String m = r.metric();
        TextTable t = new TextTable().left("A").left("B").left("label").right("cases").right(m + " A").right(m + " B").right("B - A [95% CI]")
                .right("p (Holm)").right("B worse/better");
        for (Match match : r.matched()) {
            BaselineComparison.MetricComparison c = match.comparison().metrics().get(m);
            String label = match.a().path("label").asText();
            if (c == null) {
                t.row(id(match.a()), id(match.b()), label, Integer.toString(match.comparison().cases()), "n/a", "n/a", "n/a", "-", "-");
                continue;
            }
            t.row(id(match.a()), id(match.b()), label, Integer.toString(c.cases()), MetricFormat.value(m, c.baseline()), MetricFormat.value(m, c.cell()),
                    MetricFormat.differenceWithInterval(m, c.difference(), c.ciLow(), c.ciHigh()), MetricFormat.pValue(c.holmP()),
                    c.rightToWrong() == null ? "-" : c.rightToWrong().size() + "/" + c.wrongToRight().size());
        }
        sb.append(t.plain());
        for (Match match : r.matched()) {
            BaselineComparison c = match.comparison();
            if (c.droppedBaselineOnly() > 0 || c.droppedCellOnly() > 0) {
                sb.append(String.format(Locale.ROOT, "  %s -> %s: left out %d case(s) only A ran and %d only B ran%n", id(match.a()), id(match.b()),
                        c.droppedBaselineOnly(), c.droppedCellOnly()));
            }
        }
        boolean flips = false;
        for (Match match : r.matched()) {
            BaselineComparison.MetricComparison c = match.comparison().metrics().get(m);
            if (c == null || c.rightToWrong() == null || c.rightToWrong().isEmpty() && c.wrongToRight().isEmpty()) {
                continue;
            }
            if (!flips) {
                sb.append("\nflipped cases (").append(m).append("):\n");
                flips = true;
            }
            sb.append("  ").append(id(match.a())).append(" -> ").append(id(match.b())).append(": right in A, wrong in B: ")
                    .append(list(c.rightToWrong())).append("; wrong in A, right in B: ").append(list(c.wrongToRight())).append('\n');
        }
        if (!flips && !r.matched().isEmpty()) {
            sb.append("\nno case flipped (").append(m).append(")\n");
        }
        r.onlyA().forEach(c -> sb.append("only in A: ").append(id(c)).append(' ').append(c.path("label").asText()).append('\n'));
        r.onlyB().forEach(c -> sb.append("only in B: ").append(id(c)).append(' ').append(c.path("label").asText()).append('\n'));
        return sb.toString();
    }

    /** What a cell ran, as far as it decides the answers: a cell of another experiment with the same key is the same arm. */
    static String key(JsonNode cell) {
        JsonNode variant = cell.path("variant");
        String v = variant.hasNonNull("sha256") ? variant.path("sha256").asText() : "name:" + variant.path("name").asText();
        Map<String, String> params = new TreeMap<>();
        cell.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().toString()));
        return String.join("|", v, cell.path("backend").asText(), cell.path("strategy").asText(), params.toString(), cell.path("ablation").asText(""));
    }

    /**
     * A cell's per-case scores from the matrix rows. With one repeat each row's entry is the trial itself, scored by
     * the format's own definitions; with repeats, a case's score is its share of right repeats (what the server's
     * comparisons use), and a pair's both-right is not recoverable from its two questions' shares, so it is left out.
     */
    static CaseScores scores(DatasetFormat format, JsonNode matrix, String cell, boolean graded) {
        List<CaseResult> results = new ArrayList<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        int seq = 0;
        for (JsonNode row : matrix.path("rows")) {
            JsonNode e = row.path("cells").path(cell);
            seq++;
            if (!e.isObject()) {
                continue;
            }
            String key = row.path("caseKey").asText();
            String role = format == DatasetFormat.PAIR ? key.substring(key.lastIndexOf('#') + 1) : null;
            results.add(new CaseResult(cell, key, seq, row.path("itemId").asText(key), role, row.path("category").asText(null), null,
                    row.path("expected").asText(null), e.path("answer").asText(null), e.path("correct").asBoolean(), e.path("error").asText(null),
                    null, null, null, 0, 0, 0, e.path("latencyMs").asLong(), null));
            rates.put(key, e.path("correctRate").asDouble(e.path("correct").asBoolean() ? 1 : 0));
        }
        CaseScores scores = CaseScores.of(format, results);
        if (!graded) {
            return scores;
        }
        List<CaseScores.Metric> metrics = new ArrayList<>();
        for (CaseScores.Metric metric : scores.metrics()) {
            String suffix = switch (metric.name()) {
                case "basicAccuracy" -> "#basic";
                case "hallucinatedAccuracy" -> "#hallucination";
                case "accuracy" -> "";
                default -> null;
            };
            if (suffix == null) {
                continue; // pair overall accuracy, open overlaps: not in the matrix as shares
            }
            Map<String, Double> byCase = new LinkedHashMap<>();
            metric.byCase().keySet().forEach(id -> {
                Double rate = rates.get(id + suffix);
                if (rate != null) {
                    byCase.put(id, rate);
                }
            });
            metrics.add(new CaseScores.Metric(metric.name(), false, byCase));
        }
        return new CaseScores(scores.cases(), metrics);
    }

    private static String id(JsonNode cell) {
        return cell.path("id").asText();
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** Case ids, at most twenty of them. */
    private static String list(List<String> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        return ids.size() <= 20 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 20)) + " and " + (ids.size() - 20) + " more";
    }
}
