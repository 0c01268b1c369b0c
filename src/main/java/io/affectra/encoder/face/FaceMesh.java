package io.affectra.encoder.face;

import io.affectra.media.geometry.Point;

/** FaceMesh output: the face flag and 468 landmarks as x,y pairs in image pixels. */
public record FaceMesh(double faceFlag, double[] xy) {

    public Point point(int index) {
        return new Point(xy[2 * index], xy[2 * index + 1]);
    }
}
