package io.affectra.encoder.body.gesture;

/**
 * Contact regions of the head and neck, each with the radii (in shoulder widths) inside which a hand point
 * counts as touching it (enter) and keeps counting (exit: the hysteresis band). Anchors are placed by
 * {@link BodyGeometry}; radii are about half the spacing between neighbouring anchors.
 */
enum FaceRegion {
    /** Top and sides of the head: an anchor 2.2 head units above the eye line and one at each temple. */
    HEAD(0.12, 0.17),
    /** 0.9 head units above the eye line. */
    FOREHEAD(0.09, 0.13),
    /** The eye keypoints. */
    EYE(0.07, 0.10),
    /** Nose keypoint and the cheeks (1 head unit below each eye): "facial parts". */
    FACE(0.08, 0.12),
    /** 1.55 head units below the eye line. */
    MOUTH(0.07, 0.10),
    /** Chin (2.5 head units below the eye line) and the jaw line halfway to each ear. */
    JAW(0.09, 0.13),
    /** The ear keypoints. */
    EAR(0.09, 0.13),
    /** Beside the head, just outside each ear above it and below it (where hair is held or hangs). */
    HAIR(0.12, 0.17),
    /** Halfway between the chin and the shoulder line. */
    NECK(0.10, 0.14),
    /** The middle of the shoulder line (suprasternal notch). */
    NOTCH(0.09, 0.13);

    final double enter;
    final double exit;

    FaceRegion(double enter, double exit) {
        this.enter = enter;
        this.exit = exit;
    }
}
