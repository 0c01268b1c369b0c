package io.affectra.encoder.body;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.cue.TimeSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tracked people and their gesture events into {@link Modality#BODY} cues:
 *
 * <ul>
 * <li>{@code P1.body}: type {@code person}, label {@code present}, the span the person was tracked, score the
 *     mean PoseNet instance score, values {@code frames} and {@code handsSeen} (share of frames with a hand);</li>
 * <li>{@code P1.g1}, {@code P1.g2}, ...: type {@code gesture}, label the detector's name, score its
 *     confidence, span start..end, values {@code nfblGroup} ({@link NfblGroup#index()}), {@code durationS}
 *     and the rule's measure;</li>
 * <li>{@code P1.p1}, ...: the same for postures (sustained states: folded arms, head up, ...), type
 *     {@code posture}.</li>
 * </ul>
 *
 * Numbering follows start time (then name) per person, so the ids are stable for the same input.
 * The region is the person's keypoint box in the frame nearest the middle of the span.
 */
public final class BodyCues {

    public static final String SOURCE = "posenet+handlandmark-lite";
    private static final String RULES = SOURCE + "+rules";

    private BodyCues() {
    }

    public static List<Cue> of(List<KeypointTrack> tracks, List<GestureEvent> events) {
        Map<String, KeypointTrack> byPerson = new HashMap<>();
        List<Cue> cues = new ArrayList<>();
        for (KeypointTrack track : tracks) {
            if (track.samples().isEmpty()) {
                continue;
            }
            byPerson.put(track.person(), track);
            double score = track.samples().stream().mapToDouble(s -> s.pose().score()).average().orElse(0);
            long withHands = track.samples().stream().filter(s -> !s.hands().isEmpty()).count();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("frames", (double) track.samples().size());
            values.put("handsSeen", round(withHands / (double) track.samples().size()));
            cues.add(new Cue(track.person() + ".body", Modality.BODY, SOURCE, track.person(), CueType.PERSON, "present",
                    round(score), boxNear(track, (track.startMs() + track.endMs()) / 2),
                    new TimeSpan(track.startMs(), track.endMs()), values));
        }
        List<GestureEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingInt((GestureEvent e) -> KeypointTrack.idNumber(e.person()))
                .thenComparingLong(GestureEvent::startMs).thenComparing(GestureEvent::gesture));
        Map<String, Integer> gestures = new HashMap<>();
        Map<String, Integer> postures = new HashMap<>();
        for (GestureEvent e : ordered) {
            Map<String, Integer> counter = e.posture() ? postures : gestures;
            int n = counter.merge(e.person(), 1, Integer::sum);
            String id = e.person() + (e.posture() ? ".p" : ".g") + n;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("nfblGroup", (double) NfblGroup.of(e.nfblGroup()).index());
            values.putAll(e.measures());
            KeypointTrack track = byPerson.get(e.person());
            cues.add(new Cue(id, Modality.BODY, RULES, e.person(), e.posture() ? CueType.POSTURE : CueType.GESTURE, e.gesture(),
                    e.confidence(), track == null ? null : boxNear(track, (e.startMs() + e.endMs()) / 2),
                    new TimeSpan(e.startMs(), e.endMs()), values));
        }
        return cues;
    }

    /** Two decimals, as the gesture measures are rounded. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Region boxNear(KeypointTrack track, long t) {
        KeypointTrack.Sample best = track.samples().get(0);
        for (KeypointTrack.Sample s : track.samples()) {
            if (Math.abs(s.timestampMs() - t) < Math.abs(best.timestampMs() - t)) {
                best = s;
            }
        }
        Region r = best.pose().box();
        return new Region(Math.round(r.x() * 10) / 10.0, Math.round(r.y() * 10) / 10.0, Math.round(r.width() * 10) / 10.0,
                Math.round(r.height() * 10) / 10.0);
    }
}
