package io.affectra.encoder.body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands between the frames where the hand model runs: each tracked person keeps the hands last found past their
 * wrists, moved by how far each wrist has moved since. A hand whose wrist is no longer seen is dropped rather than
 * left hanging in the air, and nothing is carried for longer than {@link #MAX_AGE_MS}.
 */
final class HandCarry {

    /** Older hands are stale even at low sampling rates: a gesture can end in that time. */
    static final long MAX_AGE_MS = 1_000;

    private record Seen(long timestampMs, PersonPose person) {
    }

    private final Map<String, Seen> last = new HashMap<>();

    /** Remembers the hands of a frame where the hand model ran. */
    void measured(BodyFrame frame) {
        for (PersonPose person : frame.people()) {
            if (person.id() != null) {
                last.put(person.id(), new Seen(frame.timestampMs(), person));
            }
        }
        last.values().removeIf(s -> frame.timestampMs() - s.timestampMs() > MAX_AGE_MS);
    }

    /** The frame with each person's last measured hands moved along with their wrists. */
    BodyFrame carried(BodyFrame frame) {
        List<PersonPose> people = new ArrayList<>(frame.people().size());
        for (PersonPose person : frame.people()) {
            Seen seen = person.id() == null ? null : last.get(person.id());
            if (seen == null || frame.timestampMs() - seen.timestampMs() > MAX_AGE_MS) {
                people.add(person);
                continue;
            }
            List<Hand> hands = new ArrayList<>(2);
            for (Hand hand : seen.person().hands()) {
                if (person.pose().visible(hand.wrist()) && seen.person().pose().visible(hand.wrist())) {
                    Keypoint now = person.pose().keypoint(hand.wrist());
                    Keypoint then = seen.person().pose().keypoint(hand.wrist());
                    hands.add(moved(hand, now.x() - then.x(), now.y() - then.y()));
                }
            }
            people.add(new PersonPose(person.id(), person.pose(), hands));
        }
        return frame.with(people, frame.timings());
    }

    private static Hand moved(Hand hand, double dx, double dy) {
        List<HandPoint> points = hand.landmarks().stream().map(p -> new HandPoint(p.x() + dx, p.y() + dy, p.z())).toList();
        return new Hand(hand.wrist(), hand.presence(), hand.handedness(), hand.handednessScore(), points,
                new io.affectra.cue.Region(hand.box().x() + dx, hand.box().y() + dy, hand.box().width(), hand.box().height()));
    }
}
