package io.affectra.encoder.body;

import java.util.List;
import java.util.Optional;

/**
 * One person in one frame: the pose and the hands found past its wrists.
 *
 * @param id    {@code P1}, {@code P2}, ... once a {@link PersonTracker} has seen the frame; null before
 * @param pose  the 17 keypoints
 * @param hands zero to two hands, each tied to a wrist
 */
public record PersonPose(String id, Pose pose, List<Hand> hands) {

    public PersonPose {
        hands = List.copyOf(hands);
    }

    public Optional<Hand> hand(BodyPart wrist) {
        return hands.stream().filter(h -> h.wrist() == wrist).findFirst();
    }

    PersonPose scaled(double scale) {
        return new PersonPose(id, pose.scaled(scale), hands.stream().map(h -> h.scaled(scale)).toList());
    }

    public PersonPose withId(String newId) {
        return new PersonPose(newId, pose, hands);
    }
}
