package io.affectra.encoder.face;

import java.util.List;
import java.util.Map;

/**
 * One video frame through the face pipeline: the faces as {@link FaceAnalyzer#analyze} reports them, and for each (in
 * the same order) where to look for it on the next frame. {@code lost}: a followed face was no longer a face, so
 * nothing was reported and the frame needs the detectors.
 */
record FaceFrame(FaceAnalysis analysis, List<FollowedFace> next, boolean lost) {

    static FaceFrame lost(Map<String, Double> timings) {
        return new FaceFrame(new FaceAnalysis(List.of(), timings), List.of(), true);
    }
}
