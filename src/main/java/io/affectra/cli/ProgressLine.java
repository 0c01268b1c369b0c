package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * Where a {@link ProgressBar} goes. At a terminal it is redrawn in place after every event; in a CI log, where a
 * carriage return does not go back, it is written as a new line only every tenth of the way and at the end, so a
 * run of thousands of trials leaves a dozen lines instead of thousands.
 */
final class ProgressLine {

    private static final int STEPS = 10;

    private final PrintStream err;
    private final boolean terminal;
    private final String unit;
    private int lastStep = -1;
    private boolean drawn;

    ProgressLine(PrintStream err, boolean terminal, String unit) {
        this.err = err;
        this.terminal = terminal;
        this.unit = unit;
    }

    void show(JsonNode progress) {
        if (terminal) {
            err.print("\r" + ProgressBar.render(progress, unit));
            drawn = true;
            return;
        }
        int total = progress.path("total").asInt();
        int done = progress.path("done").asInt();
        int step = total == 0 ? STEPS : (int) Math.min(STEPS, (long) done * STEPS / total);
        if (step > lastStep) {
            lastStep = step;
            err.println(ProgressBar.render(progress, unit));
        }
    }

    /** Ends the line being redrawn, so what follows starts on its own. */
    void end() {
        if (terminal && drawn) {
            err.println();
            drawn = false;
        }
    }

    /** Whether this process writes to a terminal (JDK 22 and later have a console even when redirected: ask it). */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only at a terminal
        }
    }
}
