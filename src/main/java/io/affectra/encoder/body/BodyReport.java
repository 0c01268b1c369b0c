package io.affectra.encoder.body;

import io.affectra.cue.Region;
import io.affectra.media.geometry.Xy;
import java.util.List;

/**
 * One person on a still as responses carry it, to be drawn: the pose's 17 keypoints and the hands found past its
 * wrists, in original image pixels. Read with {@link Skeleton} (which keypoints and landmarks are joined, and from
 * which score a keypoint counts as seen).
 *
 * @param id        {@code P1}, {@code P2}, ...: the subject of the person's cues ({@code P1.body}, {@code P1.g1})
 * @param score     PoseNet's instance score
 * @param box       the box around the seen keypoints, as the person's cues have it
 * @param keypoints all 17 in {@link BodyPart} order, each with its own score (under {@link Skeleton#minScore} is unseen)
 * @param hands     zero to two
 */
public record BodyReport(String id, double score, Region box, List<Keypoint> keypoints, List<HandReport> hands) {

    public BodyReport {
        keypoints = List.copyOf(keypoints);
        hands = List.copyOf(hands);
    }

    /**
     * @param wrist      the arm it belongs to, from the pose ({@code leftWrist}, {@code rightWrist})
     * @param presence   the landmark model's hand flag, a probability
     * @param handedness the model's own guess, a hint only
     * @param points     the 21 MediaPipe landmarks in its order (0 wrist; thumb 1-4; index 5-8; middle 9-12; ring
     *                   13-16; pinky 17-20, knuckle to tip), each {@code [x, y]}
     */
    public record HandReport(BodyPart wrist, double presence, String handedness, Region box, List<Xy> points) {

        public HandReport {
            points = List.copyOf(points);
        }
    }

    /** Everyone in a still's frame, rounded as the other numbers of a response are. */
    public static List<BodyReport> of(BodyFrame frame) {
        return frame.people().stream().map(BodyReport::of).toList();
    }

    static BodyReport of(PersonPose person) {
        Pose pose = person.pose();
        List<Keypoint> keypoints = pose.keypoints().stream().map(k -> new Keypoint(k.part(), tenth(k.x()), tenth(k.y()), round(k.score())))
                .toList();
        List<HandReport> hands = person.hands().stream().map(h -> new HandReport(h.wrist(), round(h.presence()), h.handedness(), rounded(h.box()),
                h.landmarks().stream().map(p -> Xy.of(p.x(), p.y())).toList())).toList();
        return new BodyReport(person.id(), round(pose.score()), rounded(pose.box()), keypoints, hands);
    }

    private static Region rounded(Region r) {
        return new Region(tenth(r.x()), tenth(r.y()), tenth(r.width()), tenth(r.height()));
    }

    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
