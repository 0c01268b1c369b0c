package io.affectra.cue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a cue set as compact prompt text, one cue per line, each led by its id so that an answer can
 * cite it: {@code [F1.expr] face F1 at (412,96 180x180): expression happiness 0.91 (happiness 0.91, neutral 0.05)}.
 */
@ApplicationScoped
public class CueRenderer {

    private static final int MAX_VALUES_PER_CUE = 3;

    public String render(CueSet cueSet) {
        if (cueSet.isEmpty()) {
            return "(no cues: the encoders found no evidence in this media)";
        }
        return cueSet.cues().stream().map(this::line).collect(Collectors.joining("\n"));
    }

    public String line(Cue cue) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(cue.id()).append("] ");
        sb.append(cue.modality().name().toLowerCase(Locale.ROOT)).append(' ').append(cue.subject());
        if (cue.region() != null) {
            Region r = cue.region();
            sb.append(String.format(Locale.ROOT, " at (%.0f,%.0f %.0fx%.0f)", r.x(), r.y(), r.width(), r.height()));
        }
        if (cue.span().endMs() > 0) {
            sb.append(String.format(Locale.ROOT, " %.2f-%.2fs", cue.span().startMs() / 1000.0, cue.span().endMs() / 1000.0));
        }
        sb.append(": ").append(cue.type().wire()).append(' ').append(cue.label());
        sb.append(String.format(Locale.ROOT, " %.2f", cue.score()));
        if (!cue.values().isEmpty()) {
            sb.append(" (").append(topValues(cue.values())).append(')');
        }
        sb.append(" <").append(cue.source()).append('>');
        return sb.toString();
    }

    private static String topValues(Map<String, Double> values) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_VALUES_PER_CUE)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
