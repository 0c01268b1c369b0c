package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a finished experiment means to a CI job: 0 when it completed and every gate held (or it has none), 100 when it
 * completed and a gate failed (promptfoo's convention, so a job can tell a regression from a broken run), 1 when it
 * did not complete.
 */
final class ExperimentOutcome {

    static final int OK = 0;
    static final int ERROR = 1;
    static final int GATE_FAILED = 100;

    private ExperimentOutcome() {
    }

    static int exitCode(JsonNode view) {
        if (!"completed".equals(view.path("status").asText())) {
            return ERROR;
        }
        JsonNode gates = view.path("gates");
        for (JsonNode g : gates) {
            if (!g.path("passed").asBoolean()) {
                return GATE_FAILED;
            }
        }
        // The server's own verdict too, should it ever know of a failure the list does not show.
        return view.path("gatesPassed").isBoolean() && !view.path("gatesPassed").asBoolean() ? GATE_FAILED : OK;
    }

    /** One line: how the run ended and how its gates fared. */
    static String summary(JsonNode view) {
        String status = view.path("status").asText();
        if (!"completed".equals(status)) {
            return "experiment " + status + (status.equals("running") ? " (not finished)" : "");
        }
        int total = view.path("gates").size();
        int failed = 0;
        for (JsonNode g : view.path("gates")) {
            failed += g.path("passed").asBoolean() ? 0 : 1;
        }
        if (total == 0) {
            return "completed, no gates";
        }
        if (total == 1) {
            return failed == 0 ? "the gate passed" : "the gate failed";
        }
        return failed == 0 ? "all " + total + " gates passed" : failed + " of " + total + " gates failed";
    }
}
