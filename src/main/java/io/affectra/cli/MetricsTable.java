package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A finished run as a plain-text table: one column per strategy, then the comparisons. */
final class MetricsTable {

    private record Row(String label, String field, Kind kind) {
    }

    private enum Kind {
        PERCENT, SIGNED, RATIO, COUNT
    }

    private static final Map<String, List<Row>> ROWS = Map.of(
            "pair", List.of(new Row("pairs", "pairs", Kind.COUNT), new Row("basic accuracy", "basicAccuracy", Kind.PERCENT),
                    new Row("hallucinated accuracy", "hallucinatedAccuracy", Kind.PERCENT),
                    new Row("overall (pair) accuracy", "overallAccuracy", Kind.PERCENT),
                    new Row("yes-percentage difference", "yesPercentageDifference", Kind.SIGNED),
                    new Row("false-positive ratio", "falsePositiveRatio", Kind.RATIO), new Row("precision", "precision", Kind.RATIO),
                    new Row("recall", "recall", Kind.RATIO), new Row("F1", "f1", Kind.RATIO), new Row("yes ratio", "yesRatio", Kind.RATIO),
                    new Row("unparseable answers", "unparseable", Kind.COUNT), new Row("failed cases", "errors", Kind.COUNT)),
            "choice", List.of(new Row("cases", "cases", Kind.COUNT), new Row("accuracy", "accuracy", Kind.PERCENT),
                    new Row("unparseable answers", "unparseable", Kind.COUNT), new Row("failed cases", "errors", Kind.COUNT)),
            "label", List.of(new Row("cases", "cases", Kind.COUNT), new Row("accuracy (WAR)", "accuracy", Kind.PERCENT),
                    new Row("UAR", "uar", Kind.PERCENT), new Row("macro F1", "macroF1", Kind.RATIO), new Row("weighted F1", "weightedF1", Kind.RATIO),
                    new Row("failed cases", "errors", Kind.COUNT)),
            "open", List.of(new Row("cases", "cases", Kind.COUNT), new Row("judged", "judged", Kind.COUNT),
                    new Row("clue overlap (1-10)", "clueOverlap", Kind.RATIO), new Row("label overlap (1-10)", "labelOverlap", Kind.RATIO),
                    new Row("failed cases", "errors", Kind.COUNT)));

    private MetricsTable() {
    }

    static String render(JsonNode run) {
        String format = run.path("format").asText();
        Map<String, JsonNode> byStrategy = new LinkedHashMap<>();
        List<String> strategies = new ArrayList<>();
        run.path("strategies").forEach(s -> strategies.add(s.asText()));
        if (strategies.size() == 1) {
            byStrategy.put(strategies.get(0), run.path("metrics"));
        } else {
            strategies.forEach(s -> byStrategy.put(s, run.path("metrics").path(s)));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s, %s on backend %s%n", run.path("name").asText(), run.path("status").asText(), format,
                run.path("backend").asText()));
        sb.append(String.format(Locale.ROOT, "%-28s", "metric"));
        strategies.forEach(s -> sb.append(String.format(Locale.ROOT, "%14s", s)));
        sb.append('\n');
        for (Row row : ROWS.getOrDefault(format, List.of())) {
            sb.append(String.format(Locale.ROOT, "%-28s", row.label()));
            for (String s : strategies) {
                sb.append(String.format(Locale.ROOT, "%14s", value(byStrategy.get(s).path(row.field()), row.kind())));
            }
            sb.append('\n');
        }
        for (JsonNode c : run.path("comparison")) {
            Iterator<Map.Entry<String, JsonNode>> metrics = c.path("metrics").properties().iterator();
            while (metrics.hasNext()) {
                Map.Entry<String, JsonNode> m = metrics.next();
                JsonNode d = m.getValue();
                sb.append(String.format(Locale.ROOT, "%s vs %s, %s: %s [95%% CI %s, %s] over %d paired items (bootstrap %d, seed %d)%n",
                        c.path("strategy").asText(), c.path("baseline").asText(), m.getKey(), diff(m.getKey(), d.path("difference").asDouble()),
                        diff(m.getKey(), d.path("ciLow").asDouble()), diff(m.getKey(), d.path("ciHigh").asDouble()), c.path("units").asInt(),
                        c.path("samples").asInt(), c.path("seed").asLong()));
            }
        }
        if (run.hasNonNull("error")) {
            sb.append("error: ").append(run.path("error").asText()).append('\n');
        }
        return sb.toString();
    }

    private static String value(JsonNode v, Kind kind) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "n/a";
        }
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", v.asDouble() * 100);
            case SIGNED -> String.format(Locale.ROOT, "%+.3f", v.asDouble());
            case RATIO -> String.format(Locale.ROOT, "%.3f", v.asDouble());
            case COUNT -> Integer.toString(v.asInt());
        };
    }

    private static String diff(String metric, double v) {
        return MetricFormat.difference(metric, v) + (MetricFormat.isFraction(metric) ? " points" : "");
    }
}
