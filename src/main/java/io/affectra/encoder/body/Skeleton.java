package io.affectra.encoder.body;

import java.util.List;

/**
 * How the points of a {@link BodyReport} are joined when drawn: the pose's limbs, shoulders, hips and head by part
 * name (PoseNet's drawn skeleton plus the eyes and ears), the hand's bones by landmark index (MediaPipe's hand
 * connections). An edge is drawn when both its keypoints score at least {@code minScore}; hand landmarks have no
 * score of their own (the hand was kept for its flag).
 */
public record Skeleton(double minScore, List<List<BodyPart>> pose, List<List<Integer>> hand) {

    public static final Skeleton STANDARD = new Skeleton(Pose.VISIBLE,
            List.of(
                    List.of(BodyPart.LEFT_SHOULDER, BodyPart.RIGHT_SHOULDER), List.of(BodyPart.LEFT_HIP, BodyPart.RIGHT_HIP),
                    List.of(BodyPart.LEFT_SHOULDER, BodyPart.LEFT_HIP), List.of(BodyPart.RIGHT_SHOULDER, BodyPart.RIGHT_HIP),
                    List.of(BodyPart.LEFT_SHOULDER, BodyPart.LEFT_ELBOW), List.of(BodyPart.LEFT_ELBOW, BodyPart.LEFT_WRIST),
                    List.of(BodyPart.RIGHT_SHOULDER, BodyPart.RIGHT_ELBOW), List.of(BodyPart.RIGHT_ELBOW, BodyPart.RIGHT_WRIST),
                    List.of(BodyPart.LEFT_HIP, BodyPart.LEFT_KNEE), List.of(BodyPart.LEFT_KNEE, BodyPart.LEFT_ANKLE),
                    List.of(BodyPart.RIGHT_HIP, BodyPart.RIGHT_KNEE), List.of(BodyPart.RIGHT_KNEE, BodyPart.RIGHT_ANKLE),
                    List.of(BodyPart.NOSE, BodyPart.LEFT_EYE), List.of(BodyPart.LEFT_EYE, BodyPart.LEFT_EAR),
                    List.of(BodyPart.NOSE, BodyPart.RIGHT_EYE), List.of(BodyPart.RIGHT_EYE, BodyPart.RIGHT_EAR)),
            List.of(
                    List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3, 4),
                    List.of(0, 5), List.of(5, 6), List.of(6, 7), List.of(7, 8),
                    List.of(5, 9), List.of(9, 10), List.of(10, 11), List.of(11, 12),
                    List.of(9, 13), List.of(13, 14), List.of(14, 15), List.of(15, 16),
                    List.of(13, 17), List.of(0, 17), List.of(17, 18), List.of(18, 19), List.of(19, 20)));
}
