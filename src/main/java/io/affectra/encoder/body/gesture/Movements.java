package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.encoder.body.NfblGroup;
import io.affectra.encoder.body.gesture.BodyGeometry.HandView;
import io.affectra.media.geometry.Point;
import java.util.ArrayList;
import java.util.List;

/** Motion of the body or of a free hand: shaking shoulders, a moving torso and illustrative gestures in the air. */
final class Movements {

    private Movements() {
    }

    static List<RuleDetector> all() {
        return List.of(shakingShoulders(ShakingShoulders.DEFAULT), movingTorso(MovingTorso.DEFAULT),
                illustrative(Illustrative.DEFAULT));
    }

    // ---------------------------------------------------------------- shoulders

    /**
     * shaking_shoulders: the shoulder line's height minus its moving average over +-{@code detrendMs}, read over
     * +-{@code windowMs}: sign changes (ignoring values within {@code deadZone} of 0) and peak-to-peak amplitude
     * in shoulder widths, each with ON and HOLD thresholds.
     */
    record ShakingShoulders(long detrendMs, long windowMs, double deadZone, int changesOn, int changesHold, Band amplitude,
            int minSamples, long minMs) {

        static final ShakingShoulders DEFAULT = new ShakingShoulders(500, 500, 0.01, 3, 2, new Band(0.05, 0.03), 6, 600);

        String rule() {
            return Prose.format("The shoulder line's height (mean of both shoulders, in shoulder widths) minus its +-%s s moving"
                    + " average oscillates: within +-%s s at least %d sign changes (ignoring |value| < %s) and a"
                    + " peak-to-peak amplitude >= %s shoulder widths (held at %d and %s); needs >= %d samples in the"
                    + " window (about %d fps or more); at least %s.", Prose.seconds(detrendMs), Prose.seconds(windowMs),
                    changesOn, Prose.num(deadZone), Prose.num(amplitude.on()), changesHold, Prose.num(amplitude.hold()),
                    minSamples, Math.round(minSamples * 1000.0 / (2 * windowMs)), Prose.duration(minMs));
        }
    }

    private static RuleDetector shakingShoulders(ShakingShoulders t) {
        RuleDetector.Rule reader = (view, i) -> {
            double[] signal = view.cached("shoulderOscillation", () -> detrendedShoulderHeight(view, t.detrendMs()));
            int[] w = view.window(i, t.windowMs());
            List<Double> values = new ArrayList<>();
            for (int k = w[0]; k <= w[1]; k++) {
                if (!Double.isNaN(signal[k])) {
                    values.add(signal[k]);
                }
            }
            if (values.size() < t.minSamples() || Double.isNaN(signal[i])) {
                return Reading.UNKNOWN;
            }
            int changes = 0;
            int lastSign = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                int sign = v > t.deadZone() ? 1 : v < -t.deadZone() ? -1 : 0;
                if (sign != 0) {
                    if (lastSign != 0 && sign != lastSign) {
                        changes++;
                    }
                    lastSign = sign;
                }
            }
            double amp = max - min;
            BodyGeometry g = view.g(i);
            double conf = Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER));
            String detail = changes + " reversals per second";
            if (changes >= t.changesOn() && amp >= t.amplitude().on()) {
                return new Reading(Level.ON, amp, conf, detail);
            }
            if (changes >= t.changesHold() && amp >= t.amplitude().hold()) {
                return new Reading(Level.HOLD, amp, conf, detail);
            }
            return Reading.off(amp);
        };
        return new RuleDetector("shaking_shoulders", NfblGroup.OTHER, false, t.minMs(), "amplitude", t.rule(), reader,
                e -> Prose.format("shoulders moving up and down (%.2f shoulder widths peak to peak) %s", e.meanValue(),
                        e.span()));
    }

    /** The shoulder line's height in shoulder widths minus its moving average over +-halfMs (NaN without shoulders). */
    private static double[] detrendedShoulderHeight(TrackView view, long halfMs) {
        double[] height = new double[view.size()];
        for (int k = 0; k < height.length; k++) {
            BodyGeometry g = view.g(k);
            height[k] = g != null && g.hasTorso() ? g.shoulderMid.y() / g.scale : Double.NaN;
        }
        double[] out = new double[height.length];
        for (int k = 0; k < height.length; k++) {
            if (Double.isNaN(height[k])) {
                out[k] = Double.NaN;
                continue;
            }
            int[] w = view.window(k, halfMs);
            double sum = 0;
            int n = 0;
            for (int j = w[0]; j <= w[1]; j++) {
                if (!Double.isNaN(height[j])) {
                    sum += height[j];
                    n++;
                }
            }
            out[k] = height[k] - sum / n;
        }
        return out;
    }

    // ---------------------------------------------------------------- torso

    /**
     * moving_torso: the middle of the shoulders' net displacement across +-{@code windowMs} divided by the time
     * (shoulder widths/s), measured only over at least {@code minSpanMs} of seen shoulders.
     */
    record MovingTorso(long windowMs, long minSpanMs, Band speed, long minMs) {

        static final MovingTorso DEFAULT = new MovingTorso(400, 400, new Band(0.25, 0.12), 500);

        String rule() {
            return Prose.format("The middle of the shoulders moves: its net displacement across +-%s s, divided by the time, is"
                    + " at least %s shoulder widths/s (held at %s); at least %s. The head alone moving does not"
                    + " count. Camera motion cannot be told apart.", Prose.seconds(windowMs), Prose.num(speed.on()),
                    Prose.num(speed.hold()), Prose.duration(minMs));
        }
    }

    private static RuleDetector movingTorso(MovingTorso t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            int[] w = view.window(i, t.windowMs());
            int lo = w[0];
            int hi = w[1];
            while (lo < i && (view.g(lo) == null || !view.g(lo).hasTorso())) {
                lo++;
            }
            while (hi > i && (view.g(hi) == null || !view.g(hi).hasTorso())) {
                hi--;
            }
            long dt = view.t(hi) - view.t(lo);
            if (dt < t.minSpanMs()) {
                return Reading.UNKNOWN;
            }
            Point shift = view.g(hi).shoulderMid.minus(view.g(lo).shoulderMid);
            double speed = g.norm(shift.length()) / (dt / 1000.0);
            double sideways = Math.abs(shift.dot(g.across));
            double vertical = Math.abs(shift.dot(g.down));
            String detail = sideways >= vertical ? "sideways" : "up or down (leaning forward or back)";
            double conf = Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER));
            Level level = t.speed().atLeast(speed);
            return level.active() ? new Reading(level, speed, conf, detail) : Reading.off(speed);
        };
        return new RuleDetector("moving_torso", NfblGroup.OTHER, false, t.minMs(), "speed", t.rule(), reader,
                e -> Prose.format("torso moving %s (%.2f shoulder widths/s on average) %s", e.detail(), e.meanValue(),
                        e.span()));
    }

    // ---------------------------------------------------------------- illustrative gestures

    /**
     * illustrative_gestures: a free hand's path speed (shoulder widths/s); free means above the waist (the hips
     * less {@code waistAboveHips}, else y <= {@code waistWithoutHips} in the body frame) and at least
     * {@code clearance} shoulder widths from every head region and from the other hand.
     */
    record Illustrative(Band speed, double waistAboveHips, double waistWithoutHips, double clearance, long minMs) {

        static final Illustrative DEFAULT = new Illustrative(new Band(0.6, 0.35), 0.1, 1.2, 0.3, 600);

        String rule() {
            return Prose.format("A hand moves above the waist without touching the body: hand centre above the hips (or y <= %s"
                    + " in the body frame when the hips are unseen), at least %s shoulder widths from every head region and"
                    + " from the other hand, with a path speed over +-%s s of at least %s shoulder widths/s (held at %s);"
                    + " at least %s.", Prose.num(waistWithoutHips), Prose.num(clearance),
                    Prose.seconds(HandMotion.SPEED_WINDOW_MS), Prose.num(speed.on()), Prose.num(speed.hold()),
                    Prose.duration(minMs));
        }
    }

    private static RuleDetector illustrative(Illustrative t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            Reading best = null;
            for (HandView hand : g.hands()) {
                if (!hand.seen()) {
                    continue;
                }
                double speed = HandMotion.handSpeed(view, i, hand.wrist());
                if (Double.isNaN(speed)) {
                    continue;
                }
                double waist = g.seen(BodyPart.LEFT_HIP) && g.seen(BodyPart.RIGHT_HIP)
                        ? Math.min(g.body(g.p(BodyPart.LEFT_HIP)).y(), g.body(g.p(BodyPart.RIGHT_HIP)).y()) - t.waistAboveHips()
                        : t.waistWithoutHips();
                boolean above = g.body(hand.centre()).y() <= waist;
                double fromHead = Double.POSITIVE_INFINITY;
                if (g.hasHead()) {
                    for (FaceRegion region : FaceRegion.values()) {
                        fromHead = Math.min(fromHead, g.distance(hand.contacts(), region));
                    }
                }
                HandView other = hand == g.left ? g.right : g.left;
                double fromOther = other.seen() ? g.norm(hand.centre().distance(other.centre())) : Double.POSITIVE_INFINITY;
                boolean free = fromHead >= t.clearance() && fromOther >= t.clearance();
                Level level = above && free ? t.speed().atLeast(speed) : Level.OFF;
                Reading r = new Reading(level, speed, hand.confidence(), hand.name());
                if (best == null || r.fasterThan(best)) {
                    best = r;
                }
            }
            return best == null ? Reading.UNKNOWN : best;
        };
        return new RuleDetector("illustrative_gestures", NfblGroup.OTHER, false, t.minMs(), "speed", t.rule(), reader,
                e -> Prose.format("%s gesturing in the air above the waist (%.2f shoulder widths/s on average) %s",
                        e.detail(), e.meanValue(), e.span()));
    }
}
