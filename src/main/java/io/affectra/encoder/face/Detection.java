package io.affectra.encoder.face;

import io.affectra.cue.Region;
import io.affectra.media.geometry.Point;
import java.util.List;

/** A detector candidate: box and the six BlazeFace keypoints (eyes, nose, mouth, ear tragions) in image pixels. */
public record Detection(Region box, double score, List<Point> keypoints, String detector) {
}
