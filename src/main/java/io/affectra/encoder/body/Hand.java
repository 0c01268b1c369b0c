package io.affectra.encoder.body;

import io.affectra.cue.Region;
import java.util.List;

/**
 * A hand found past one of a person's wrists.
 *
 * @param wrist           which arm it belongs to ({@link BodyPart#LEFT_WRIST} or {@link BodyPart#RIGHT_WRIST}), from the pose
 * @param presence        the landmark model's hand flag, a probability
 * @param handedness      the model's own guess, {@code left} or {@code right}; a hint only (see ARCHITECTURE.md)
 * @param handednessScore the model's raw score (about 1 for a right hand, 0 for a left one in unmirrored images)
 * @param landmarks       21 MediaPipe landmarks in image pixels
 * @param box             the landmarks' bounding box
 */
public record Hand(BodyPart wrist, double presence, String handedness, double handednessScore, List<HandPoint> landmarks,
        Region box) {

    public Hand {
        landmarks = List.copyOf(landmarks);
    }

    static Hand of(BodyPart wrist, HandLandmarks raw) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (HandPoint p : raw.points()) {
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
        }
        return new Hand(wrist, raw.presence(), raw.handednessScore() >= 0.5 ? "right" : "left", raw.handednessScore(),
                raw.points(), new Region(x0, y0, x1 - x0, y1 - y0));
    }

    Hand scaled(double scale) {
        return new Hand(wrist, presence, handedness, handednessScore,
                landmarks.stream().map(p -> new HandPoint(p.x() * scale, p.y() * scale, p.z() * scale)).toList(),
                new Region(box.x() * scale, box.y() * scale, box.width() * scale, box.height() * scale));
    }

    public HandPoint landmark(int index) {
        return landmarks.get(index);
    }

    /** Mean of the wrist and the four finger knuckles: the middle of the palm. */
    public HandPoint palmCentre() {
        int[] palm = {HandLandmarks.WRIST, HandLandmarks.INDEX_MCP, HandLandmarks.MIDDLE_MCP, HandLandmarks.RING_MCP,
            HandLandmarks.PINKY_MCP};
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i : palm) {
            x += landmarks.get(i).x();
            y += landmarks.get(i).y();
            z += landmarks.get(i).z();
        }
        return new HandPoint(x / palm.length, y / palm.length, z / palm.length);
    }

    /** Wrist to middle-finger knuckle: the palm's length, the hand's own scale. */
    public double palmLength() {
        return landmark(HandLandmarks.WRIST).distance(landmark(HandLandmarks.MIDDLE_MCP));
    }
}
