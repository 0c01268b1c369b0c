package io.affectra.analysis;

import java.time.Instant;

/** One line of {@code GET /v1/analyses}: the stored summary columns, without the result itself. */
public record AnalysisSummary(String id, Instant createdAt, String mediaType, int width, int height, String backend, String model,
        String strategy, String label, double confidence, int faceCount, int cueCount) {

    static AnalysisSummary of(AnalysisRecord r) {
        return new AnalysisSummary(r.id, r.createdAt, r.mediaType, r.width, r.height, r.backend, r.model, r.strategy, r.label, r.confidence,
                r.faceCount, r.cueCount);
    }
}
