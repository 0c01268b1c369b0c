package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** One line of progress, redrawn in place with a carriage return: bar, percent, cases, rate, ETA, errors. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(JsonNode progress) {
        return render(progress, "cases");
    }

    /** @param unit what is counted: an evaluation's cases, an experiment's trials */
    static String render(JsonNode progress, String unit) {
        int total = progress.path("total").asInt();
        int done = progress.path("done").asInt();
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder sb = new StringBuilder("[");
        sb.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        sb.append(String.format(Locale.ROOT, "%5.1f%% %d/%d %s", fraction * 100, done, total, unit));
        if (progress.hasNonNull("casesPerSecond")) {
            sb.append(String.format(Locale.ROOT, "  %.1f/s", progress.path("casesPerSecond").asDouble()));
        }
        if (progress.hasNonNull("etaSeconds")) {
            sb.append("  ETA ").append(duration(progress.path("etaSeconds").asLong()));
        }
        int errors = progress.path("errors").asInt();
        int unparseable = progress.path("unparseable").asInt();
        if (errors > 0 || unparseable > 0) {
            sb.append(String.format(Locale.ROOT, "  errors %d  unparseable %d", errors, unparseable));
        }
        return sb.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
