package io.affectra.encoder.face;

import io.affectra.cue.Region;

/**
 * A face carried to the next video frame: the box to look for it in (decoded image pixels), the detection's score that
 * the faces followed from it report, and how the detector's box sat on the face's mesh box when it was detected (centre
 * shift and size, in mesh-box sides). Each later mesh box, refitted that way, gives the box the detector would have
 * given: on a still scene the same box, so following changes nothing there.
 *
 * <p>FaceMesh does not track every face: on a hard one (a laugh with the head thrown back) its landmarks stay near the
 * middle of the crop they are given and shrink frame by frame while the face moves on, with the face flag still high.
 * A box whose side has changed by more than {@link #MAX_SIZE_CHANGE} since detection is taken for such a drift (a face
 * that really grows or shrinks that fast only gets the detectors early).
 *
 * @param box   the detector-like box; FaceMesh looks in it, widened as on a detection frame
 * @param score the score of the detection the face was found by
 * @param dx    detector centre minus mesh-box centre, in mesh-box sides
 * @param dy    the same, vertically
 * @param scale detector side over mesh-box side
 * @param detectedWidth the detector box's width, for telling drift
 */
record FollowedFace(Region box, double score, double dx, double dy, double scale, double detectedWidth) {

    /** Relative change of the box's side since detection past which the mesh is taken to have lost the face. */
    static final double MAX_SIZE_CHANGE = 0.15;

    static FollowedFace detected(Region detectorBox, Region meshBox, double score) {
        double side = Math.max(meshBox.width(), 1e-6);
        return new FollowedFace(detectorBox, score, (detectorBox.centerX() - meshBox.centerX()) / side,
                (detectorBox.centerY() - meshBox.centerY()) / side, detectorBox.width() / side, detectorBox.width());
    }

    /** Whether the box has grown or shrunk so much since detection that the mesh has likely let go of the face. */
    boolean drifted() {
        return Math.abs(box.width() / detectedWidth - 1) > MAX_SIZE_CHANGE;
    }

    /** The same face where its new mesh box puts it. */
    FollowedFace movedTo(Region meshBox) {
        double side = meshBox.width();
        double cx = meshBox.centerX() + dx * side;
        double cy = meshBox.centerY() + dy * side;
        double width = scale * side;
        double height = width * box.height() / box.width();
        return new FollowedFace(new Region(cx - width / 2, cy - height / 2, width, height), score, dx, dy, scale, detectedWidth);
    }
}
