package io.affectra.analysis;

import io.affectra.evidence.ExtractionProgress;

/** Hears how a long analysis advances: a fraction done with an estimate of the time left, and each window's answer. */
public interface ProgressListener extends ExtractionProgress {

    ProgressListener NONE = new ProgressListener() {
    };

    @Override
    default void progress(String stage, double fraction, Long etaMs) {
    }

    default void window(WindowAnswer answer) {
    }
}
