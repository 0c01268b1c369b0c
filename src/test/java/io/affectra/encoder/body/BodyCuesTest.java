package io.affectra.encoder.body;

import static io.affectra.encoder.body.BodyPart.LEFT_ELBOW;
import static io.affectra.encoder.body.BodyPart.LEFT_WRIST;
import static io.affectra.encoder.body.BodyPart.RIGHT_ELBOW;
import static io.affectra.encoder.body.BodyPart.RIGHT_WRIST;
import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Cue;
import io.affectra.cue.CueRenderer;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyCuesTest {

    /** Touches the head twice, with folded arms in between. */
    private static KeypointTrack track() {
        return Body.track(10, 8000, t -> {
            if (t >= 500 && t <= 1500 || t >= 6000 && t <= 7000) {
                return Body.neutral().set(LEFT_WRIST, 526, 254.6).set(LEFT_ELBOW, 640, 380);
            }
            if (t >= 2500 && t <= 4500) {
                return Body.neutral().set(LEFT_WRIST, 440, 560).set(RIGHT_WRIST, 560, 560).set(LEFT_ELBOW, 620, 600)
                        .set(RIGHT_ELBOW, 380, 600);
            }
            return Body.neutral();
        });
    }

    @Test
    void numbersGesturesAndPosturesPerPersonInTimeOrder() {
        KeypointTrack track = track();
        List<GestureEvent> events = GestureDetectors.detect(track);
        List<Cue> cues = BodyCues.of(List.of(track), events);

        assertThat(cues).extracting(Cue::id).containsExactly("P1.body", "P1.g1", "P1.p1", "P1.g2");
        assertThat(cues).allSatisfy(c -> {
            assertThat(c.modality()).isEqualTo(Modality.BODY);
            assertThat(c.subject()).isEqualTo("P1");
            assertThat(c.region()).isNotNull();
        });
        Cue person = cues.get(0);
        assertThat(person.type().wire()).isEqualTo("person");
        assertThat(person.span().startMs()).isZero();
        assertThat(person.span().endMs()).isEqualTo(8000);
        assertThat(person.values()).containsEntry("frames", 81.0);

        Cue first = cues.get(1);
        assertThat(first.type().wire()).isEqualTo("gesture");
        assertThat(first.label()).isEqualTo("touching_head");
        assertThat(first.span().startMs()).isEqualTo(500);
        assertThat(first.span().endMs()).isEqualTo(1500);
        assertThat(first.values()).containsEntry("nfblGroup", 0.0).containsKey("durationS").containsKey("distance");
        assertThat(first.score()).isEqualTo(events.get(0).confidence());

        Cue folded = cues.get(2);
        assertThat(folded.type().wire()).isEqualTo("posture");
        assertThat(folded.label()).isEqualTo("folding_arms");
        assertThat(folded.values()).containsEntry("nfblGroup", 2.0);
        assertThat(cues.get(3).span().startMs()).isEqualTo(6000);

        // The cues go into a cue set and render as prompt lines with their time spans.
        CueSet set = CueSet.of(cues);
        String text = new CueRenderer().render(set);
        assertThat(text).contains("[P1.g1] body P1").contains("0.50-1.50s: gesture touching_head");
        assertThat(text).contains("[P1.p1]").contains("posture folding_arms");
    }

    @Test
    void theSameInputGivesTheSameIds() {
        KeypointTrack track = track();
        List<String> once = BodyCues.of(List.of(track), GestureDetectors.detect(track)).stream().map(Cue::id).toList();
        List<String> again = BodyCues.of(List.of(track), GestureDetectors.detect(track)).stream().map(Cue::id).toList();
        assertThat(again).isEqualTo(once);
    }

    @Test
    void peopleAreKeptApart() {
        KeypointTrack p1 = track();
        KeypointTrack p2 = new KeypointTrack("P2", Body.track(10, 3000, t -> Body.neutral().set(RIGHT_WRIST, 488, 300)
                .set(RIGHT_ELBOW, 420, 440)).samples());
        List<GestureEvent> events = GestureDetectors.detect(List.of(p2, p1));
        List<Cue> cues = BodyCues.of(List.of(p1, p2), events);
        assertThat(cues).extracting(Cue::id).contains("P1.g1", "P1.g2", "P2.body", "P2.g1");
        assertThat(cues.stream().filter(c -> c.id().equals("P2.g1")).findFirst().orElseThrow().label()).isEqualTo("touching_face");
    }
}
