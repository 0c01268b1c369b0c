package io.affectra.encoder.face;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.cue.Region;
import io.affectra.media.geometry.Xy;
import java.util.List;
import java.util.Map;

/**
 * Everything the face encoders found about one face.
 *
 * @param id          stable within the analysis: F1, F2, ... left to right
 * @param box         the detector's box in original image pixels (on video frames between detections, that box moved
 *                    with the face's mesh)
 * @param score       detector score (between detections, that of the detection the face was followed from)
 * @param faceFlag    FaceMesh's probability that this is a face
 * @param expression  the ensemble's label and probabilities, with each model's own output kept
 * @param actionUnits geometric action-unit proxies
 * @param priors      facial priors when requested and allowed, else null
 * @param landmarks   the key FaceMesh landmarks by name ({@code rightEyeOuter}, {@code mouthLeft}, ...: the person's own
 *                    sides), each {@code [x, y]} in original image pixels; drawn by the console, read by nothing else
 */
public record FaceReport(
        String id,
        Region box,
        double score,
        double faceFlag,
        Expression expression,
        List<ActionUnit> actionUnits,
        Priors priors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Xy> landmarks) {

    public record Expression(String label, double score, Map<String, Double> probabilities, Map<String, Map<String, Double>> models) {
    }

    /** EMO-LLaMA-style facial priors. Gender from SSR-Net; age and race only from GEAR when an operator enabled it. */
    public record Priors(String gender, double genderScore, String genderSource, Double age, Map<String, Double> race) {
    }
}
