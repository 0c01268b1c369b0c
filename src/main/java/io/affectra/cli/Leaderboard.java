package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A finished experiment for a person: a headline, one row per cell (its metric, the difference from the baseline with
 * its 95% interval and Holm-corrected p, latency, tokens, cache hits, errors) and each gate with what failed it.
 * Plain text for the terminal, Markdown for a pull request; both from the same rows.
 */
final class Leaderboard {

    private Leaderboard() {
    }

    /** @param metric the metric to show; null for the format's main one */
    static String text(JsonNode view, String metric) {
        String m = metric(view, metric);
        StringBuilder sb = new StringBuilder(headline(view)).append('\n');
        sb.append(table(view, m).plain());
        if (view.hasNonNull("cueCache")) {
            sb.append(String.format(Locale.ROOT, "cue cache: %d hits, %d misses%n", view.path("cueCache").path("hits").asLong(),
                    view.path("cueCache").path("misses").asLong()));
        }
        view.path("warnings").forEach(w -> sb.append("warning: ").append(w.asText()).append('\n'));
        if (view.hasNonNull("error")) {
            sb.append("error: ").append(view.path("error").asText()).append('\n');
        }
        JsonNode gates = view.path("gates");
        if (gates.isArray() && !gates.isEmpty()) {
            sb.append("\ngates:\n");
            for (JsonNode g : gates) {
                sb.append(g.path("passed").asBoolean() ? "  PASS  " : "  FAIL  ").append(g.path("gate").asText()).append('\n');
                g.path("failures").forEach(f -> sb.append("          ").append(f.asText()).append('\n'));
            }
        }
        sb.append(ExperimentOutcome.summary(view)).append('\n');
        return sb.toString();
    }

    /** A pull request's comment: the headline, the leaderboard as a Markdown table, the gates. */
    static String markdown(JsonNode view, String metric) {
        String m = metric(view, metric);
        int code = ExperimentOutcome.exitCode(view);
        StringBuilder sb = new StringBuilder("### Experiment `").append(view.path("name").asText()).append("`: ")
                .append(ExperimentOutcome.summary(view)).append(code == ExperimentOutcome.OK ? " ✅" : " ❌").append("\n\n");
        sb.append('`').append(view.path("id").asText()).append("` · ").append(view.path("status").asText()).append(" · ")
                .append(view.path("format").asText()).append(" · ").append(shape(view)).append(" · baseline `")
                .append(view.path("baseline").asText()).append('`');
        if (view.hasNonNull("cueCache")) {
            sb.append(" · cue cache ").append(view.path("cueCache").path("hits").asLong()).append(" hits / ")
                    .append(view.path("cueCache").path("misses").asLong()).append(" misses");
        }
        sb.append("\n\n").append(table(view, m).markdown());
        view.path("warnings").forEach(w -> sb.append("\n> warning: ").append(w.asText()).append('\n'));
        if (view.hasNonNull("error")) {
            sb.append("\n**Error:** ").append(view.path("error").asText()).append('\n');
        }
        JsonNode gates = view.path("gates");
        if (gates.isArray() && !gates.isEmpty()) {
            sb.append("\n**Gates**\n\n");
            for (JsonNode g : gates) {
                sb.append("- ").append(g.path("passed").asBoolean() ? "✅ PASS" : "❌ FAIL").append(" `").append(g.path("gate").asText()).append("`\n");
                g.path("failures").forEach(f -> sb.append("  - ").append(f.asText()).append('\n'));
            }
        }
        return sb.toString();
    }

    static String headline(JsonNode view) {
        return String.format(Locale.ROOT, "experiment %s (%s): %s, %s, %s, baseline %s", view.path("name").asText(), view.path("id").asText(),
                view.path("status").asText(), view.path("format").asText(), shape(view), view.path("baseline").asText());
    }

    /** The cells' rows: the metric with the difference from the baseline, then cost. */
    static TextTable table(JsonNode view, String metric) {
        String baseline = view.path("baseline").asText();
        TextTable t = new TextTable().left("cell").left("label").right(metric).right("vs " + baseline + " [95% CI]").right("p (Holm)")
                .right("p50 ms").right("p95 ms").right("tokens in/out").right("cache").right("errors");
        for (JsonNode c : view.path("cells")) {
            String id = c.path("id").asText();
            JsonNode d = comparison(view, id, metric);
            String versus;
            String p;
            if (id.equals(baseline)) {
                versus = "baseline";
                p = "";
            } else if (d == null) {
                versus = "n/a";
                p = "-";
            } else {
                versus = MetricFormat.differenceWithInterval(metric, d.path("difference").asDouble(), d.path("ci").path(0).asDouble(),
                        d.path("ci").path(1).asDouble());
                p = MetricFormat.pValue(d.hasNonNull("pValueHolm") ? d.path("pValueHolm").asDouble() : null);
            }
            int trials = c.path("trials").asInt();
            t.row(id, c.path("label").asText(), MetricFormat.value(metric, number(c.path("metrics"), metric)), versus, p,
                    millis(c.path("latencyMs").path("p50")), millis(c.path("latencyMs").path("p95")),
                    c.path("promptTokens").asLong() + "/" + c.path("completionTokens").asLong(),
                    trials == 0 ? "-" : MetricFormat.percent(c.path("cacheHitRate").asDouble()),
                    errors(c));
        }
        return t;
    }

    /** The metric asked for, or the format's main one. */
    static String metric(JsonNode view, String asked) {
        return asked != null ? asked : MetricFormat.main(view.path("format").asText());
    }

    /** A metric by dotted path ({@code accuracy}, {@code labels.accuracy}) in a cell's metrics; null when absent. */
    static Double number(JsonNode metrics, String path) {
        JsonNode node = metrics;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() ? node.asDouble() : null;
    }

    /** The cell's comparison with the baseline on the metric, or null. */
    static JsonNode comparison(JsonNode view, String cell, String metric) {
        for (JsonNode c : view.path("comparisons")) {
            if (c.path("cell").asText().equals(cell)) {
                JsonNode d = c.path("metrics").path(metric);
                return d.isObject() ? d : null;
            }
        }
        return null;
    }

    private static String shape(JsonNode view) {
        int cases = view.path("dataset").path("cases").asInt();
        int repeats = view.path("repeats").asInt(1);
        return cases + " cases x " + view.path("cells").size() + " cells" + (repeats > 1 ? " x " + repeats + " repeats" : "");
    }

    private static String millis(JsonNode v) {
        return v.isNumber() ? Long.toString(v.asLong()) : "-";
    }

    private static String errors(JsonNode cell) {
        int errors = cell.path("errors").asInt();
        int unparseable = cell.path("unparseable").asInt();
        return unparseable > 0 ? errors + " (+" + unparseable + " unparseable)" : Integer.toString(errors);
    }
}
