package io.affectra.encoder.body;

import io.affectra.media.geometry.Point;

/**
 * One of MediaPipe's 21 hand landmarks: its position in source image pixels and {@code z}, relative depth
 * (smaller is nearer the camera) in roughly the same pixel scale, relative to the wrist.
 */
public record HandPoint(Point point, double z) {

    public HandPoint(double x, double y, double z) {
        this(new Point(x, y), z);
    }

    public double x() {
        return point.x();
    }

    public double y() {
        return point.y();
    }

    /** Distance in the image plane (z is not used). */
    public double distance(HandPoint other) {
        return point.distance(other.point);
    }
}
