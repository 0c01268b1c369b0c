package io.affectra.encoder.body;

import io.affectra.media.RgbImage;
import io.affectra.media.geometry.ImageWindow;
import java.util.Optional;

/**
 * Where to look for a hand, from the pose alone (PoseNet has no hand keypoints and there is no palm
 * detector here): a square centred past the wrist along the forearm (elbow -> wrist), sized from the
 * forearm's length, turned so that the forearm points up in the crop as the landmark model expects.
 * Adult proportions: the hand is about 0.7 forearm lengths long, so its middle lies about 0.35 forearm
 * lengths past the wrist; the crop is made about twice the hand's length so that a bent wrist still
 * keeps the fingers inside. A foreshortened forearm (pointing at the camera) is replaced by a floor of
 * {@link #MIN_SIDE_SHOULDERS} shoulder widths.
 */
public final class HandRegion {

    /** Crop centre past the wrist, in forearm lengths. */
    static final double CENTRE_PAST_WRIST = 0.35;
    /** Crop side, in forearm lengths. */
    static final double SIDE_FOREARMS = 1.4;
    /** Smallest crop side, in shoulder widths (for foreshortened forearms). */
    static final double MIN_SIDE_SHOULDERS = 0.55;
    /** Wrist and elbow must be at least this sure to place a crop. */
    static final double MIN_SCORE = 0.3;

    private HandRegion() {
    }

    /** The crop for the person's {@code wrist} ({@link BodyPart#LEFT_WRIST} or {@link BodyPart#RIGHT_WRIST}), if the arm is seen. */
    public static Optional<ImageWindow> of(RgbImage image, Pose pose, BodyPart wrist) {
        if (wrist != BodyPart.LEFT_WRIST && wrist != BodyPart.RIGHT_WRIST) {
            throw new IllegalArgumentException("not a wrist: " + wrist);
        }
        BodyPart elbowPart = wrist == BodyPart.LEFT_WRIST ? BodyPart.LEFT_ELBOW : BodyPart.RIGHT_ELBOW;
        Keypoint w = pose.keypoint(wrist);
        Keypoint e = pose.keypoint(elbowPart);
        if (w.score() < MIN_SCORE || e.score() < MIN_SCORE) {
            return Optional.empty();
        }
        double dx = w.x() - e.x();
        double dy = w.y() - e.y();
        double forearm = Math.hypot(dx, dy);
        double shoulders = pose.shoulderWidth();
        double floor = shoulders > 0 ? MIN_SIDE_SHOULDERS * shoulders : 0;
        double side = Math.max(SIDE_FOREARMS * forearm, floor);
        if (side < 8) {
            return Optional.empty();
        }
        double ux = forearm > 0 ? dx / forearm : 0;
        double uy = forearm > 0 ? dy / forearm : -1;
        double past = CENTRE_PAST_WRIST * Math.max(forearm, side / SIDE_FOREARMS);
        double angle = Math.atan2(ux, -uy);
        return Optional.of(new ImageWindow(image, w.x() + ux * past, w.y() + uy * past, side, angle));
    }
}
