package io.affectra.encoder.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hands between the frames where the hand model runs (video, {@code hands-every-nth-frame} above 1). */
class HandCarryTest {

    private static BodyFrame frame(long t, Body body, boolean withHands) {
        Pose pose = body.pose();
        List<Hand> hands = withHands ? body.sample(t).hands() : List.of();
        return new BodyFrame(t, Body.WIDTH, Body.HEIGHT, List.of(new PersonPose("P1", pose, hands)), Map.of());
    }

    private static Body withRightHand(double dx, double dy) {
        Body body = Body.neutral().shift(dx, dy);
        return body.hand(BodyPart.RIGHT_WRIST, Body.openHand(body.x(BodyPart.RIGHT_WRIST), body.y(BodyPart.RIGHT_WRIST), 0, 1, 60, 1));
    }

    @Test
    void aCarriedHandMovesWithItsWrist() {
        HandCarry carry = new HandCarry();
        carry.measured(frame(0, withRightHand(0, 0), true));

        BodyFrame next = carry.carried(frame(200, withRightHand(30, -10), false));

        Hand hand = next.person("P1").orElseThrow().hand(BodyPart.RIGHT_WRIST).orElseThrow();
        HandPoint wrist = hand.landmark(HandLandmarks.WRIST);
        assertThat(wrist.x()).isCloseTo(375 + 30, within(1e-6));
        assertThat(wrist.y()).isCloseTo(690 - 10, within(1e-6));
        assertThat(hand.box().x()).isCloseTo(withRightHand(30, -10).sample(200).hands().get(0).box().x() + 30, within(1e-6));
    }

    @Test
    void aHandWhoseWristIsNoLongerSeenIsDropped() {
        HandCarry carry = new HandCarry();
        carry.measured(frame(0, withRightHand(0, 0), true));

        BodyFrame next = carry.carried(frame(200, Body.neutral().hide(BodyPart.RIGHT_WRIST), false));

        assertThat(next.person("P1").orElseThrow().hands()).isEmpty();
    }

    @Test
    void handsAreNotCarriedPastASecond() {
        HandCarry carry = new HandCarry();
        carry.measured(frame(0, withRightHand(0, 0), true));

        assertThat(carry.carried(frame(800, Body.neutral(), false)).person("P1").orElseThrow().hands()).hasSize(1);
        assertThat(carry.carried(frame(1_200, Body.neutral(), false)).person("P1").orElseThrow().hands()).isEmpty();
    }

    @Test
    void aPersonWithoutMeasuredHandsGetsNone() {
        HandCarry carry = new HandCarry();
        carry.measured(frame(0, Body.neutral(), true));

        assertThat(carry.carried(frame(200, Body.neutral(), false)).person("P1").orElseThrow().hands()).isEmpty();
    }
}
