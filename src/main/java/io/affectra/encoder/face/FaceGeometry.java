package io.affectra.encoder.face;

import io.affectra.media.geometry.Point;

/**
 * Measurements on a FaceMesh in a face-aligned frame: distances are divided by the inter-ocular distance
 * (between eye centres) so they compare across face sizes, and heights are taken along the face's own up
 * axis (perpendicular to the eye line) so head roll does not change them.
 */
final class FaceGeometry {

    // MediaPipe FaceMesh landmark indices (subject's right = image left for a frontal face).
    static final int RIGHT_EYE_OUTER = 33;
    static final int RIGHT_EYE_INNER = 133;
    static final int RIGHT_EYE_UPPER = 159;
    static final int RIGHT_EYE_LOWER = 145;
    static final int LEFT_EYE_OUTER = 263;
    static final int LEFT_EYE_INNER = 362;
    static final int LEFT_EYE_UPPER = 386;
    static final int LEFT_EYE_LOWER = 374;
    static final int RIGHT_BROW_MID = 105;
    static final int LEFT_BROW_MID = 334;
    static final int RIGHT_BROW_INNER = 107;
    static final int LEFT_BROW_INNER = 336;
    static final int MOUTH_RIGHT = 61;
    static final int MOUTH_LEFT = 291;
    static final int UPPER_LIP_TOP = 0;
    static final int UPPER_LIP_INNER = 13;
    static final int LOWER_LIP_INNER = 14;
    static final int LOWER_LIP_BOTTOM = 17;

    private final FaceMesh mesh;
    private final double interOcular;
    private final double upX;
    private final double upY;

    FaceGeometry(FaceMesh mesh) {
        this.mesh = mesh;
        Point right = mid(RIGHT_EYE_OUTER, RIGHT_EYE_INNER);
        Point left = mid(LEFT_EYE_OUTER, LEFT_EYE_INNER);
        double ex = left.x() - right.x();
        double ey = left.y() - right.y();
        double d = Math.hypot(ex, ey);
        this.interOcular = d > 1e-6 ? d : 1e-6;
        // Rotate the eye line by -90 degrees in image coordinates (y grows downwards) to get "up".
        this.upX = ey / interOcular;
        this.upY = -ex / interOcular;
    }

    double interOcular() {
        return interOcular;
    }

    /** Normalised distance between two landmarks. */
    double distance(int a, int b) {
        return mesh.point(a).distance(mesh.point(b)) / interOcular;
    }

    /** Normalised height of landmark {@code a} above point {@code q} along the face's up axis. */
    double heightAbove(int a, Point q) {
        Point p = mesh.point(a);
        return ((p.x() - q.x()) * upX + (p.y() - q.y()) * upY) / interOcular;
    }

    double heightAbove(int a, int b) {
        return heightAbove(a, mesh.point(b));
    }

    Point mid(int a, int b) {
        return Point.mid(mesh.point(a), mesh.point(b));
    }
}
