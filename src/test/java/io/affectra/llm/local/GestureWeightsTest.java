package io.affectra.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.CueType;
import io.affectra.encoder.body.GestureDetector;
import io.affectra.encoder.body.GestureDetectors;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fusion weights for body cues name exactly what the gesture detectors can emit: body cues are typed
 * {@code gesture} or {@code posture} by {@link GestureDetector#posture()} and labelled with the detector's name
 * (see {@code BodyCues}), so a weight for any other label never applies and a detector without a weight never
 * counts in fusion.
 */
class GestureWeightsTest {

    private final Map<CueType, Map<String, Map<String, Double>>> cueLabels = FusionWeights.load().cueLabels();

    private static Set<String> emitted(boolean posture) {
        return GestureDetectors.all().stream().filter(d -> d.posture() == posture).map(GestureDetector::name)
                .collect(Collectors.toSet());
    }

    @Test
    void gestureWeightsAreExactlyTheGesturesDetected() {
        assertThat(cueLabels).containsKey(CueType.GESTURE);
        assertThat(cueLabels.get(CueType.GESTURE).keySet()).as("weights.json cue_labels.gesture vs the gesture detectors")
                .containsExactlyInAnyOrderElementsOf(emitted(false));
    }

    @Test
    void postureWeightsAreExactlyThePosturesDetected() {
        assertThat(cueLabels).containsKey(CueType.POSTURE);
        assertThat(cueLabels.get(CueType.POSTURE).keySet()).as("weights.json cue_labels.posture vs the posture detectors")
                .containsExactlyInAnyOrderElementsOf(emitted(true));
    }
}
