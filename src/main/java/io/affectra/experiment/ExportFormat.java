package io.affectra.experiment;

import io.affectra.analysis.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shapes an experiment's trials download in: one row or line per trial, or promptfoo's eval results file. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", ".csv"),
    JSONL("application/x-ndjson", ".jsonl"),
    PROMPTFOO("application/json", ".promptfoo.json");

    private final String mediaType;
    private final String suffix;

    ExportFormat(String mediaType, String suffix) {
        this.mediaType = mediaType;
        this.suffix = suffix;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The download's file name: the same for the same experiment and format, whenever it is asked for. */
    public String fileName(String experimentId) {
        return "experiment-" + experimentId + suffix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidRequestException {@code invalid-query} naming the formats */
    public static ExportFormat of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id().equals(wanted)).findFirst().orElseThrow(() -> new InvalidRequestException("invalid-query",
                "format must be one of " + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")) + ", not '" + id + "'"));
    }
}
