package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.GestureDetector;
import io.affectra.encoder.body.GestureEvent;
import io.affectra.encoder.body.KeypointTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every micro-gesture and posture detector, by family ({@link HeadContacts}, {@link HandPairs}, {@link Postures},
 * {@link Movements}), and the step that runs them all on one track and drops events explained by a broader
 * one (a hand on the cheek while both hands cover the face is "covering face", not also "touching face").
 * Callers go through {@link io.affectra.encoder.body.GestureDetectors}.
 */
public final class GestureCatalog {

    private static final List<RuleDetector> ALL = Stream.of(HeadContacts.all(), HandPairs.all(), Postures.all(),
            Movements.all()).flatMap(List::stream).toList();

    /** Events of the first detector that explain events of the others when they overlap by half or more. */
    private static final Map<String, Set<String>> SUBSUMES = Map.of(
            "covering_face", Set.of("touching_face", "biting_nails", "rubbing_eyes", "touching_jaw", "touching_forehead"),
            "folding_arms", Set.of("touching_arms", "rubbing_or_holding_hands"),
            "crossing_fingers", Set.of("rubbing_or_holding_hands"),
            "minaret_gesture", Set.of("rubbing_or_holding_hands"),
            "playing_with_hair", Set.of("touching_ears"));

    private GestureCatalog() {
    }

    public static List<GestureDetector> all() {
        return List.copyOf(ALL);
    }

    public static Optional<GestureDetector> byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).map(GestureDetector.class::cast).findFirst();
    }

    /** Every detector on one person's track, explained events removed, ordered by start then name. */
    public static List<GestureEvent> detect(KeypointTrack track) {
        TrackView view = TrackView.of(track);
        List<GestureEvent> events = new ArrayList<>();
        for (RuleDetector detector : ALL) {
            events.addAll(detector.detect(view));
        }
        List<GestureEvent> kept = new ArrayList<>();
        for (GestureEvent e : events) {
            boolean explained = events.stream().anyMatch(o -> SUBSUMES.getOrDefault(o.gesture(), Set.of()).contains(e.gesture())
                    && overlap(o, e) >= 0.5);
            if (!explained) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingLong(GestureEvent::startMs).thenComparing(GestureEvent::gesture));
        return kept;
    }

    /** Share of b's span that a covers (1 when both are the same instant). */
    private static double overlap(GestureEvent a, GestureEvent b) {
        long inter = Math.min(a.endMs(), b.endMs()) - Math.max(a.startMs(), b.startMs());
        if (inter < 0) {
            return 0;
        }
        long len = b.endMs() - b.startMs();
        return len == 0 ? 1 : inter / (double) len;
    }
}
