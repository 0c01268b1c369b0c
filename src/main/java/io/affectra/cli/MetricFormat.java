package io.affectra.cli;

import java.util.Locale;

/**
 * How a metric reads in a table: fractions (accuracies, F1) as percentages and their differences as percentage
 * points, graded scores (the judge's 1-10 overlaps) as they are.
 */
final class MetricFormat {

    private MetricFormat() {
    }

    /** The metric a leaderboard ranks by when none is named: the one the format's benchmarks report first. */
    static String main(String format) {
        return switch (format) {
            case "pair" -> "overallAccuracy";
            case "open" -> "clueOverlap";
            default -> "accuracy";
        };
    }

    static boolean isFraction(String metric) {
        return !metric.contains("Overlap");
    }

    static String value(String metric, Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        return isFraction(metric) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A difference: percentage points for a fraction (without a unit, so tables stay narrow). */
    static String difference(String metric, double d) {
        return isFraction(metric) ? String.format(Locale.ROOT, "%+.1f", d * 100) : String.format(Locale.ROOT, "%+.2f", d);
    }

    /** {@code +5.0 [-2.1, +12.0]}: a difference and its interval. */
    static String differenceWithInterval(String metric, double d, double low, double high) {
        return difference(metric, d) + " [" + difference(metric, low) + ", " + difference(metric, high) + "]";
    }

    static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
