package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.GestureDetector;
import io.affectra.encoder.body.GestureEvent;
import io.affectra.encoder.body.KeypointTrack;
import io.affectra.encoder.body.NfblGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detector made of a per-sample rule and a shared episode segmenter with hysteresis:
 *
 * <ul>
 * <li>the rule reads each sample as ON (the strict condition holds), HOLD (only the relaxed one: the
 *     hysteresis band), OFF, or UNKNOWN (the keypoints it needs are not seen);</li>
 * <li>an episode starts at an ON sample (backdated to the HOLD samples that ran straight into it: the
 *     approach within the loose threshold), goes on through ON and HOLD samples, and survives OFF or
 *     UNKNOWN samples for up to {@link #MAX_GAP_MS} (one dropped or jittery frame does not split it);</li>
 * <li>it is reported when it lasted at least the detector's minimum duration (first to last ON/HOLD
 *     sample). A track of a single frame (a photograph) reports any ON sample, at 0.7 x confidence;</li>
 * <li>confidence = mean per-sample confidence (keypoint scores of the parts used) x (0.5 + 0.5 x the share
 *     of ON samples among ON and HOLD).</li>
 * </ul>
 */
final class RuleDetector implements GestureDetector {

    static final long MAX_GAP_MS = 300;
    static final double STILL_FACTOR = 0.7;

    @FunctionalInterface
    interface Rule {
        Reading read(TrackView view, int i);
    }

    /** Formats an episode as the event's evidence sentence. */
    @FunctionalInterface
    interface Evidence {
        String text(Episode e);
    }

    /** A run of ON/HOLD samples being collected. */
    static final class Episode {
        long start;
        long end;
        int on;
        int hold;
        double confidenceSum;
        double valueSum;
        double valueMin = Double.POSITIVE_INFINITY;
        double valueMax = Double.NEGATIVE_INFINITY;
        final Map<String, Integer> details = new LinkedHashMap<>();

        void add(Reading r, long t) {
            if (on + hold == 0) {
                start = t;
            }
            end = t;
            if (r.level() == Level.ON) {
                on++;
            } else {
                hold++;
            }
            confidenceSum += r.confidence();
            if (!Double.isNaN(r.value())) {
                valueSum += r.value();
                valueMin = Math.min(valueMin, r.value());
                valueMax = Math.max(valueMax, r.value());
            }
            if (!r.detail().isEmpty()) {
                details.merge(r.detail(), 1, Integer::sum);
            }
        }

        int samples() {
            return on + hold;
        }

        double meanValue() {
            return valueSum / samples();
        }

        double seconds() {
            return (end - start) / 1000.0;
        }

        /** The detail most samples named (e.g. "right hand"). */
        String detail() {
            return details.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }

        String span() {
            return start == end ? "in a single frame" : String.format(Locale.ROOT, "for %.1f s", seconds());
        }
    }

    private final String name;
    private final NfblGroup group;
    private final boolean posture;
    private final long minDurationMs;
    private final String measureName;
    private final String rule;
    private final Rule reader;
    private final Evidence evidence;

    RuleDetector(String name, NfblGroup group, boolean posture, long minDurationMs, String measureName, String rule,
            Rule reader, Evidence evidence) {
        this.name = name;
        this.group = group;
        this.posture = posture;
        this.minDurationMs = minDurationMs;
        this.measureName = measureName;
        this.rule = rule;
        this.reader = reader;
        this.evidence = evidence;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NfblGroup group() {
        return group;
    }

    @Override
    public boolean posture() {
        return posture;
    }

    @Override
    public long minDurationMs() {
        return minDurationMs;
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public List<GestureEvent> detect(KeypointTrack track) {
        return detect(TrackView.of(track));
    }

    List<GestureEvent> detect(TrackView view) {
        List<GestureEvent> events = new ArrayList<>();
        Episode current = null;
        long lastGood = 0;
        List<Reading> approach = new ArrayList<>();
        List<Long> approachTimes = new ArrayList<>();
        for (int i = 0; i < view.size(); i++) {
            Reading r = reader.read(view, i);
            long t = view.t(i);
            if (current == null) {
                if (r.level() == Level.ON) {
                    current = new Episode();
                    for (int k = 0; k < approach.size(); k++) {
                        current.add(approach.get(k), approachTimes.get(k));
                    }
                    current.add(r, t);
                    lastGood = t;
                } else if (r.level() == Level.HOLD) {
                    approach.add(r);
                    approachTimes.add(t);
                } else {
                    approach.clear();
                    approachTimes.clear();
                }
                if (current != null) {
                    approach.clear();
                    approachTimes.clear();
                }
            } else if (r.level() == Level.ON || r.level() == Level.HOLD) {
                current.add(r, t);
                lastGood = t;
            } else if (t - lastGood > MAX_GAP_MS) {
                close(current, view, events);
                current = null;
            }
        }
        if (current != null) {
            close(current, view, events);
        }
        return events;
    }

    private void close(Episode e, TrackView view, List<GestureEvent> events) {
        boolean still = view.still();
        if (!still && e.end - e.start < minDurationMs) {
            return;
        }
        double confidence = e.confidenceSum / e.samples() * (0.5 + 0.5 * e.on / (double) e.samples());
        if (still) {
            confidence *= STILL_FACTOR;
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("durationS", round(e.seconds()));
        if (measureName != null && e.valueSum == e.valueSum && e.valueMin != Double.POSITIVE_INFINITY) {
            measures.put(measureName, round(e.meanValue()));
        }
        events.add(new GestureEvent(name, view.track.person(), e.start, e.end, round(Math.min(1, confidence)), group.id(),
                evidence.text(e), posture, measures));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
