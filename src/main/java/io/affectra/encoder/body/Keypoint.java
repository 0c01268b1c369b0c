package io.affectra.encoder.body;

import io.affectra.media.geometry.Point;

/** One body keypoint in source image pixels, with the model's confidence in [0, 1]. */
public record Keypoint(BodyPart part, double x, double y, double score) {

    public Point point() {
        return new Point(x, y);
    }

    public double distance(Keypoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
