package io.affectra.experiment;

import io.affectra.analysis.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition an experiment must meet in CI, as written in its spec:
 * <ul>
 * <li>{@code accuracy >= 0.6} (also {@code >}, {@code <=}, {@code <}): every cell's metric, or one cell's with a
 * leading cell id ({@code c2 accuracy >= 0.6});</li>
 * <li>{@code accuracy regression <= 0.02}: no cell is worse than the baseline by more than 0.02 at 95% confidence, that
 * is, no cell's whole interval of the difference lies below -0.02.</li>
 * </ul>
 * Metric names are those of the cells' metrics ({@code accuracy}, {@code macroF1}, {@code overallAccuracy},
 * {@code labels.accuracy}).
 */
public sealed interface Gate {

    Pattern THRESHOLD = Pattern.compile("^(?:(c\\d+)\\s+)?([A-Za-z][A-Za-z0-9.]*)\\s*(>=|<=|>|<)\\s*(-?[0-9]*\\.?[0-9]+)$");
    Pattern REGRESSION = Pattern.compile("^([A-Za-z][A-Za-z0-9.]*)\\s+regression\\s*<=\\s*([0-9]*\\.?[0-9]+)$");

    String text();

    String metric();

    /** Every cell (or {@code cell}) has the metric {@code op value}. */
    record Threshold(String text, String cell, String metric, String op, double value) implements Gate {

        public boolean holds(double actual) {
            return switch (op) {
                case ">=" -> actual >= value;
                case ">" -> actual > value;
                case "<=" -> actual <= value;
                default -> actual < value;
            };
        }
    }

    /** No cell's interval of the difference from the baseline lies wholly below {@code -maxDrop}. */
    record Regression(String text, String metric, double maxDrop) implements Gate {
    }

    /** @throws InvalidRequestException {@code invalid-experiment} for a gate that is not one of the forms */
    static Gate parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = THRESHOLD.matcher(t);
        if (m.matches()) {
            return new Threshold(t, m.group(1), m.group(2), m.group(3), Double.parseDouble(m.group(4)));
        }
        m = REGRESSION.matcher(t);
        if (m.matches()) {
            return new Regression(t, m.group(1), Double.parseDouble(m.group(2)));
        }
        throw new InvalidRequestException("invalid-experiment", String.format(Locale.ROOT,
                "gate '%s' is not a gate: write '<metric> >= <number>' (or >, <=, <; optionally led by a cell id) or '<metric> regression <= <number>'", t));
    }
}
