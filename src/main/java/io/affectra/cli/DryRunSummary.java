package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What a dry run said it would do: the counts and estimates, and each cell with its calls per trial. */
final class DryRunSummary {

    private DryRunSummary() {
    }

    static String text(JsonNode report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "dry run (nothing was called): %d cells x %d cases x %d repeats = %d trials, baseline %s%n",
                report.path("cells").asInt(), report.path("cases").asInt(), report.path("repeats").asInt(1), report.path("trials").asLong(),
                report.path("baseline").asText()));
        sb.append(String.format(Locale.ROOT, "estimated: %d backend calls, about %d prompt tokens%n", report.path("estimatedCalls").asLong(),
                report.path("estimatedPromptTokens").asLong()));
        TextTable t = new TextTable().left("cell").left("label").right("calls/trial");
        report.path("cellPlans").forEach(c -> t.row(c.path("id").asText(), c.path("label").asText(), c.path("callsPerTrial").asText()));
        sb.append(t.plain());
        int prompts = report.path("prompts").size();
        if (prompts > 0) {
            sb.append(prompts).append(" first prompts rendered (write them out with --json FILE)\n");
        }
        report.path("warnings").forEach(w -> sb.append("warning: ").append(w.asText()).append('\n'));
        return sb.toString();
    }
}
