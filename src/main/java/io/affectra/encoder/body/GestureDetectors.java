package io.affectra.encoder.body;

import io.affectra.encoder.body.gesture.GestureCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The micro-gesture and posture detectors over 2D keypoints (and hand landmarks where a rule needs them), as
 * the body encoder uses them. The rules live in {@code io.affectra.encoder.body.gesture}, one class per family;
 * every distance is in shoulder widths, every rule has an ON threshold, a looser HOLD threshold (hysteresis)
 * and a minimum duration, and states them in {@link GestureDetector#rule()}.
 *
 * <p>Use {@link #detect(KeypointTrack)}: it runs every detector on one track and drops events explained by a
 * broader one (a hand on the cheek while both hands cover the face is "covering face", not also
 * "touching face").
 */
public final class GestureDetectors {

    private GestureDetectors() {
    }

    public static List<GestureDetector> all() {
        return GestureCatalog.all();
    }

    public static Optional<GestureDetector> byName(String name) {
        return GestureCatalog.byName(name);
    }

    /** Every detector on one person's track, explained events removed, ordered by start then name. */
    public static List<GestureEvent> detect(KeypointTrack track) {
        return GestureCatalog.detect(track);
    }

    /** {@link #detect(KeypointTrack)} for each track, in track order. */
    public static List<GestureEvent> detect(List<KeypointTrack> tracks) {
        List<GestureEvent> all = new ArrayList<>();
        for (KeypointTrack track : tracks) {
            all.addAll(detect(track));
        }
        return all;
    }
}
