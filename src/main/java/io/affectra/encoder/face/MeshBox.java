package io.affectra.encoder.face;

import io.affectra.cue.Region;

/**
 * Where a face's FaceMesh landmarks lie: a square on their centroid, of side twice their root-mean-square distance
 * from it. Both are means over all 468 points, so a few badly placed outline points (a laughing chin, a cheek in
 * profile) move it little, where the landmarks' extent would follow them.
 */
final class MeshBox {

    private MeshBox() {
    }

    static Region of(FaceMesh mesh) {
        double[] xy = mesh.xy();
        int n = xy.length / 2;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < xy.length; i += 2) {
            cx += xy[i];
            cy += xy[i + 1];
        }
        cx /= n;
        cy /= n;
        double spread = 0;
        for (int i = 0; i < xy.length; i += 2) {
            spread += (xy[i] - cx) * (xy[i] - cx) + (xy[i + 1] - cy) * (xy[i + 1] - cy);
        }
        double side = 2 * Math.sqrt(spread / n);
        return new Region(cx - side / 2, cy - side / 2, side, side);
    }
}
