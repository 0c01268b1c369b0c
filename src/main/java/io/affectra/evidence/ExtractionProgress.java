package io.affectra.evidence;

/** Hears how far an extraction has come: a stage, the fraction done and, where known, the time left. */
@FunctionalInterface
public interface ExtractionProgress {

    ExtractionProgress NONE = (stage, fraction, etaMs) -> {
    };

    void progress(String stage, double fraction, Long etaMs);
}
