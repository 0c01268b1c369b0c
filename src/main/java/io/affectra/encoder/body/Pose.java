package io.affectra.encoder.body;

import io.affectra.cue.Region;
import java.util.List;

/**
 * One person's 2D pose: all 17 COCO keypoints in {@link BodyPart} order, in source image pixels, each with
 * its own score; {@code score} is PoseNet's instance score (mean keypoint score, not counting keypoints
 * claimed by an earlier, stronger pose).
 */
public record Pose(int id, double score, List<Keypoint> keypoints) {

    /** Keypoints below this score are treated as not seen by the box and by the gesture rules. */
    public static final double VISIBLE = 0.3;

    public Pose {
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != BodyPart.COUNT) {
            throw new IllegalArgumentException("a pose has " + BodyPart.COUNT + " keypoints, got " + keypoints.size());
        }
    }

    public Keypoint keypoint(BodyPart part) {
        return keypoints.get(part.ordinal());
    }

    public boolean visible(BodyPart part) {
        return keypoint(part).score() >= VISIBLE;
    }

    /** Distance between the shoulders, or 0 when either is not seen. */
    public double shoulderWidth() {
        if (!visible(BodyPart.LEFT_SHOULDER) || !visible(BodyPart.RIGHT_SHOULDER)) {
            return 0;
        }
        return keypoint(BodyPart.LEFT_SHOULDER).distance(keypoint(BodyPart.RIGHT_SHOULDER));
    }

    /** The box around the visible keypoints (all keypoints when none is visible). */
    public Region box() {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        boolean any = keypoints.stream().anyMatch(k -> k.score() >= VISIBLE);
        for (Keypoint k : keypoints) {
            if (!any || k.score() >= VISIBLE) {
                x0 = Math.min(x0, k.x());
                y0 = Math.min(y0, k.y());
                x1 = Math.max(x1, k.x());
                y1 = Math.max(y1, k.y());
            }
        }
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    Pose scaled(double scale) {
        return new Pose(id, score, keypoints.stream().map(k -> new Keypoint(k.part(), k.x() * scale, k.y() * scale, k.score())).toList());
    }

    public Pose withId(int newId) {
        return new Pose(newId, score, keypoints);
    }
}
