package io.affectra.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.events.RunEvent;

/**
 * One server-sent event of a job: {@code progress} (stage, fraction, ETA), {@code window} (a window's
 * answer as it is made), then {@code completed} (with the analysis id) or {@code failed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEvent(String event, String jobId, String stage, Double progress, Long etaMs, Integer window, Long startMs,
        Long endMs, String label, Double confidence, String analysisId, String errorType, String detail) implements RunEvent {

    static JobEvent progress(String jobId, String stage, double progress, Long etaMs) {
        return new JobEvent("progress", jobId, stage, progress, etaMs, null, null, null, null, null, null, null, null);
    }

    static JobEvent window(String jobId, int window, long startMs, long endMs, String label, double confidence) {
        return new JobEvent("window", jobId, null, null, null, window, startMs, endMs, label, confidence, null, null, null);
    }

    static JobEvent completed(String jobId, String analysisId) {
        return new JobEvent("completed", jobId, null, 1.0, 0L, null, null, null, null, null, analysisId, null, null);
    }

    static JobEvent failed(String jobId, String type, String detail) {
        return new JobEvent("failed", jobId, null, null, null, null, null, null, null, null, null, type, detail);
    }

    /** The latest progress, every window, then the end. */
    @Override
    @JsonIgnore
    public Replay replay() {
        return switch (event) {
            case "progress" -> Replay.LATEST;
            case "window" -> Replay.ALL;
            default -> Replay.TERMINAL;
        };
    }
}
