package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.encoder.body.KeypointTrack;
import io.affectra.encoder.body.NfblGroup;
import io.affectra.media.geometry.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Sustained states (cues of type {@code posture}): folded arms, hands on the hips, arms behind the body, the
 * head raised and the shoulders drawn up. Arm postures are read in the body frame (x toward the person's left
 * shoulder, shoulders at x = +-0.5, y down from the shoulder line, in shoulder widths); head postures against
 * the person's own median over the track.
 */
final class Postures {

    private Postures() {
    }

    static List<RuleDetector> all() {
        return List.of(foldingArms(FoldingArms.DEFAULT), armsAkimbo(ArmsAkimbo.DEFAULT), armsBehindBody(ArmsBehindBody.DEFAULT),
                headUp(HeadUp.DEFAULT, Baseline.DEFAULT), turtleNeck(TurtleNeck.DEFAULT, Baseline.DEFAULT));
    }

    // ---------------------------------------------------------------- folded arms

    /**
     * folding_arms: how far each wrist is past the midline (ON, and the HOLD slack on the near side of it), the
     * chest-height band of the wrists, and the cross of one wrist when the other is tucked away.
     */
    record FoldingArms(double crossed, double midlineSlack, Range chest, Range chestHold, Band oneWrist, double elbowsBelow,
            double oneWristConfidence, long minMs) {

        static final FoldingArms DEFAULT = new FoldingArms(0.05, 0.05, new Range(0.15, 1.4), new Range(0.05, 1.6),
                new Band(0.15, 0.05), 0.3, 0.8, 1000);

        String rule() {
            return Prose.format("In the body frame (x toward the person's left shoulder, shoulders at x = +-0.5, y down from the"
                    + " shoulder line, in shoulder widths): the left wrist at x <= -%s and the right wrist at x >= %s"
                    + " (each past the midline to the other side), both at chest height (%s <= y <= %s); or one wrist"
                    + " crossed by %s while the other is hidden and both elbows are seen below the shoulders. Held while the"
                    + " wrists stay within %s of the midline; at least %s.", Prose.num(crossed), Prose.num(crossed),
                    Prose.num(chest.lo()), Prose.num(chest.hi()), Prose.num(oneWrist.on()), Prose.num(midlineSlack),
                    Prose.duration(minMs));
        }
    }

    private static RuleDetector foldingArms(FoldingArms t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            boolean ls = g.seen(BodyPart.LEFT_WRIST);
            boolean rs = g.seen(BodyPart.RIGHT_WRIST);
            Point l = ls ? g.body(g.p(BodyPart.LEFT_WRIST)) : null;
            Point r = rs ? g.body(g.p(BodyPart.RIGHT_WRIST)) : null;
            if (ls && rs) {
                double depth = Math.min(-l.x(), r.x());
                double conf = Math.min(g.score(BodyPart.LEFT_WRIST), g.score(BodyPart.RIGHT_WRIST));
                if (depth >= t.crossed() && t.chest().contains(l.y()) && t.chest().contains(r.y())) {
                    return new Reading(Level.ON, depth, conf, "both wrists crossed");
                }
                if (depth >= -t.midlineSlack() && t.chestHold().contains(l.y()) && t.chestHold().contains(r.y())) {
                    return new Reading(Level.HOLD, depth, conf, "both wrists crossed");
                }
                return Reading.off(depth);
            }
            boolean elbows = g.seen(BodyPart.LEFT_ELBOW) && g.seen(BodyPart.RIGHT_ELBOW)
                    && g.body(g.p(BodyPart.LEFT_ELBOW)).y() >= t.elbowsBelow()
                    && g.body(g.p(BodyPart.RIGHT_ELBOW)).y() >= t.elbowsBelow();
            if (!ls && !rs || !elbows) {
                return ls || rs ? Reading.off(0) : Reading.UNKNOWN;
            }
            double depth = ls ? -l.x() : r.x();
            Point w = ls ? l : r;
            double conf = t.oneWristConfidence() * Math.min(g.score(ls ? BodyPart.LEFT_WRIST : BodyPart.RIGHT_WRIST),
                    Math.min(g.score(BodyPart.LEFT_ELBOW), g.score(BodyPart.RIGHT_ELBOW)));
            if (depth >= t.oneWrist().on() && t.chest().contains(w.y())) {
                return new Reading(Level.ON, depth, conf, "one wrist crossed, the other tucked out of sight");
            }
            if (depth >= t.oneWrist().hold() && t.chestHold().contains(w.y())) {
                return new Reading(Level.HOLD, depth, conf, "one wrist crossed, the other tucked out of sight");
            }
            return Reading.off(depth);
        };
        return new RuleDetector("folding_arms", NfblGroup.SELF_PROTECTION, true, t.minMs(), "crossing", t.rule(), reader,
                e -> Prose.format("arms folded: %s (%.2f shoulder widths past the midline) %s", e.detail(), e.meanValue(),
                        e.span()));
    }

    // ---------------------------------------------------------------- hands on the hips

    /**
     * arms_akimbo, per arm: the wrist's distance from the same-side hip keypoint (ON, HOLD) or, with the hip unseen,
     * the wrist's place in the body frame; the elbow out past the shoulder (|x|) at a height between the bounds.
     */
    record ArmsAkimbo(Band onHip, Range hipY, Range hipX, Range hipYHold, Range hipXHold, Band elbowOut, Range elbowY,
            Range elbowYHold, double oneArmConfidence, long minMs) {

        static final ArmsAkimbo DEFAULT = new ArmsAkimbo(new Band(0.35, 0.45), new Range(0.9, 1.9), new Range(0.25, 0.95),
                new Range(0.8, 2.0), new Range(0.15, 1.05), new Band(0.75, 0.68), new Range(0.2, 1.5), new Range(0.1, 1.6),
                0.8, 1000);

        String rule() {
            return Prose.format("Per arm: the wrist on the same-side hip (within %s shoulder widths of the hip keypoint, or when"
                    + " the hip is unseen at %s <= y <= %s and %s <= |x| <= %s in the body frame) with the elbow pointing"
                    + " out (|x| >= %s, beyond the shoulder). Held at %s / |x| >= %s. One arm is enough (confidence"
                    + " x%s); at least %s.", Prose.num(onHip.on()), Prose.num(hipY.lo()), Prose.num(hipY.hi()),
                    Prose.num(hipX.lo()), Prose.num(hipX.hi()), Prose.num(elbowOut.on()), Prose.num(onHip.hold()),
                    Prose.num(elbowOut.hold()), Prose.num(oneArmConfidence), Prose.duration(minMs));
        }
    }

    private static RuleDetector armsAkimbo(ArmsAkimbo t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            Level left = akimboSide(t, g, BodyPart.LEFT_WRIST, BodyPart.LEFT_ELBOW, BodyPart.LEFT_HIP, 1);
            Level right = akimboSide(t, g, BodyPart.RIGHT_WRIST, BodyPart.RIGHT_ELBOW, BodyPart.RIGHT_HIP, -1);
            if (left == Level.UNKNOWN && right == Level.UNKNOWN) {
                return Reading.UNKNOWN;
            }
            boolean both = left.active() && right.active();
            Level level = left == Level.ON || right == Level.ON ? Level.ON
                    : left == Level.HOLD || right == Level.HOLD ? Level.HOLD : Level.OFF;
            if (level == Level.OFF) {
                return Reading.off(0);
            }
            double conf = 0;
            for (BodyPart p : new BodyPart[] {BodyPart.LEFT_WRIST, BodyPart.LEFT_ELBOW, BodyPart.RIGHT_WRIST, BodyPart.RIGHT_ELBOW}) {
                boolean sideActive = p == BodyPart.LEFT_WRIST || p == BodyPart.LEFT_ELBOW ? left.active() : right.active();
                if (sideActive) {
                    conf = conf == 0 ? g.score(p) : Math.min(conf, g.score(p));
                }
            }
            return new Reading(level, both ? 2 : 1, both ? conf : t.oneArmConfidence() * conf,
                    both ? "both hands on the hips, elbows out" : (left.active() ? "left" : "right") + " hand on the hip, elbow out");
        };
        return new RuleDetector("arms_akimbo", NfblGroup.OTHER, true, t.minMs(), "arms", t.rule(), reader,
                e -> Prose.format("%s %s", e.detail(), e.span()));
    }

    /** One arm's level; {@code sign} is +1 for the left arm (its side of the body frame is x > 0), -1 for the right. */
    private static Level akimboSide(ArmsAkimbo t, BodyGeometry g, BodyPart wrist, BodyPart elbow, BodyPart hip, int sign) {
        if (!g.seen(wrist) || !g.seen(elbow)) {
            return Level.UNKNOWN;
        }
        Point w = g.body(g.p(wrist));
        Point e = g.body(g.p(elbow));
        boolean onHip;
        boolean nearHip;
        if (g.seen(hip)) {
            double d = g.norm(g.p(wrist).distance(g.p(hip)));
            onHip = d <= t.onHip().on();
            nearHip = d <= t.onHip().hold();
        } else {
            onHip = t.hipY().contains(w.y()) && t.hipX().contains(sign * w.x());
            nearHip = t.hipYHold().contains(w.y()) && t.hipXHold().contains(sign * w.x());
        }
        boolean out = sign * e.x() >= t.elbowOut().on() && t.elbowY().contains(e.y());
        boolean outHold = sign * e.x() >= t.elbowOut().hold() && t.elbowYHold().contains(e.y());
        return onHip && out ? Level.ON : nearHip && outHold ? Level.HOLD : Level.OFF;
    }

    // ---------------------------------------------------------------- arms behind the body

    /**
     * arms_behind_body: the lower elbow's height in the body frame (ON, HOLD), how far out each elbow must be, and
     * how far past the elbow (in upper-arm lengths) the hidden wrist would be, which must lie inside the frame.
     */
    record ArmsBehindBody(Band elbowsBelow, double elbowsOut, double wristReach, double confidenceFactor, long minMs) {

        static final ArmsBehindBody DEFAULT = new ArmsBehindBody(new Band(0.45, 0.35), 0.3, 0.9, 0.7, 1000);

        String rule() {
            return Prose.format("Both wrists hidden (score < %s, no hand found) while both elbows are seen below the shoulders"
                    + " (y >= %s, held at %s) at their own sides (|x| >= %s), and where the wrists would be (the"
                    + " upper arm's line continued %s of its length past the elbow) lies inside the frame, so they are not"
                    + " merely cut off; at least %s. Ambiguous with folded arms whose hands are both tucked away:"
                    + " confidence x%s.", Prose.num(BodyGeometry.SEEN), Prose.num(elbowsBelow.on()),
                    Prose.num(elbowsBelow.hold()), Prose.num(elbowsOut), Prose.num(wristReach), Prose.duration(minMs),
                    Prose.num(confidenceFactor));
        }
    }

    private static RuleDetector armsBehindBody(ArmsBehindBody t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso() || !g.seen(BodyPart.LEFT_ELBOW) || !g.seen(BodyPart.RIGHT_ELBOW)) {
                return Reading.UNKNOWN;
            }
            if (g.seen(BodyPart.LEFT_WRIST) || g.seen(BodyPart.RIGHT_WRIST) || g.left.hand() != null || g.right.hand() != null) {
                return Reading.off(0);
            }
            KeypointTrack.Sample s = g.sample;
            for (BodyPart[] arm : new BodyPart[][] {{BodyPart.LEFT_SHOULDER, BodyPart.LEFT_ELBOW}, {BodyPart.RIGHT_SHOULDER, BodyPart.RIGHT_ELBOW}}) {
                Point sh = g.p(arm[0]);
                Point el = g.p(arm[1]);
                Point wrist = el.plus(el.minus(sh).times(t.wristReach()));
                if (wrist.x() < 0 || wrist.y() < 0 || wrist.x() > s.frameWidth() || wrist.y() > s.frameHeight()) {
                    return Reading.UNKNOWN;
                }
            }
            Point le = g.body(g.p(BodyPart.LEFT_ELBOW));
            Point re = g.body(g.p(BodyPart.RIGHT_ELBOW));
            boolean sides = le.x() >= t.elbowsOut() && -re.x() >= t.elbowsOut();
            double low = Math.min(le.y(), re.y());
            double conf = t.confidenceFactor() * Math.min(g.score(BodyPart.LEFT_ELBOW), g.score(BodyPart.RIGHT_ELBOW));
            double hidden = Math.max(g.score(BodyPart.LEFT_WRIST), g.score(BodyPart.RIGHT_WRIST));
            Level level = t.elbowsBelow().atLeast(low);
            if (sides && level.active()) {
                return new Reading(level, hidden, conf, "both wrists out of sight behind the body");
            }
            return Reading.off(hidden);
        };
        return new RuleDetector("arms_behind_body", NfblGroup.OTHER, true, t.minMs(), "wristScore", t.rule(), reader,
                e -> Prose.format("elbows at the sides, %s (wrist scores <= %.2f) %s", e.detail(), e.valueMax, e.span()));
    }

    // ---------------------------------------------------------------- the head against its own median

    /** The person's usual value of a measure: the median over the track, known once enough of it is seen. */
    record Baseline(int minSamples, long minSpanMs) {

        static final Baseline DEFAULT = new Baseline(10, 2000);

        String rule() {
            return Prose.format("needs a track of at least %d samples over %s s", minSamples, Prose.seconds(minSpanMs));
        }

        /** Median of the known values, NaN unless at least minSamples of them span at least minSpanMs. */
        double of(TrackView view, double[] values) {
            List<Integer> known = new ArrayList<>();
            for (int k = 0; k < values.length; k++) {
                if (!Double.isNaN(values[k])) {
                    known.add(k);
                }
            }
            if (known.size() < minSamples || view.t(known.get(known.size() - 1)) - view.t(known.get(0)) < minSpanMs) {
                return Double.NaN;
            }
            double[] sorted = known.stream().mapToDouble(k -> values[k]).toArray();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /** head_up: the nose's rise above its median height, or its rise against the ears (tilt), in shoulder widths. */
    record HeadUp(Band rise, Band tilt, long minMs) {

        static final HeadUp DEFAULT = new HeadUp(new Band(0.10, 0.06), new Band(0.07, 0.04), 800);

        String rule(Baseline baseline) {
            return Prose.format("The nose's height above the shoulder line rises at least %.2f shoulder widths above the track's"
                    + " median (its baseline), or the nose rises at least %.2f relative to the ears (head tilted back) against"
                    + " their median; held at %.2f / %.2f; %s; at least %s.", rise.on(), tilt.on(), rise.hold(), tilt.hold(),
                    baseline.rule(), Prose.duration(minMs));
        }
    }

    private static RuleDetector headUp(HeadUp t, Baseline baseline) {
        RuleDetector.Rule reader = (view, i) -> {
            double[] nose = view.cached("noseHeight", () -> series(view, g -> g.hasTorso() && g.seen(BodyPart.NOSE)
                    ? g.heightAboveShoulders(g.p(BodyPart.NOSE)) : Double.NaN));
            double[] pitch = view.cached("nosePitch", () -> series(view, g -> g.seen(BodyPart.NOSE) && ear(g) != null
                    ? g.norm(ear(g).minus(g.p(BodyPart.NOSE)).dot(g.down)) : Double.NaN));
            double noseBase = baseline.of(view, nose);
            double pitchBase = baseline.of(view, pitch);
            if (Double.isNaN(nose[i]) || Double.isNaN(noseBase)) {
                return Reading.UNKNOWN;
            }
            double rise = nose[i] - noseBase;
            double tilt = Double.isNaN(pitch[i]) || Double.isNaN(pitchBase) ? Double.NEGATIVE_INFINITY : pitch[i] - pitchBase;
            BodyGeometry g = view.g(i);
            double conf = Math.min(g.score(BodyPart.NOSE), Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER)));
            String detail = rise >= t.rise().on() || tilt < t.tilt().on() ? "nose raised above its usual height" : "head tilted back";
            if (rise >= t.rise().on() || tilt >= t.tilt().on()) {
                return new Reading(Level.ON, rise, conf, detail);
            }
            if (rise >= t.rise().hold() || tilt >= t.tilt().hold()) {
                return new Reading(Level.HOLD, rise, conf, detail);
            }
            return Reading.off(rise);
        };
        return new RuleDetector("head_up", NfblGroup.OTHER, true, t.minMs(), "rise", t.rule(baseline), reader,
                e -> Prose.format("%s (+%.2f shoulder widths against the person's median) %s", e.detail(), e.meanValue(),
                        e.span()));
    }

    /**
     * turtle_neck: how far the eye line's height above the shoulders drops below its median, while the head's pitch
     * stays within {@code pitchChange} of its own median (in shoulder widths).
     */
    record TurtleNeck(Band drop, Band pitchChange, long minMs) {

        static final TurtleNeck DEFAULT = new TurtleNeck(new Band(0.08, 0.05), new Band(0.04, 0.06), 500);

        String rule(Baseline baseline) {
            return Prose.format("The shoulders rise toward the head: the eye line's height above the shoulder line drops at"
                    + " least %.2f shoulder widths below the track's median while the head's pitch (the nose's drop below the"
                    + " eye line) stays within %.2f of its median, so bowing the head does not count; held at %.2f / %.2f; %s;"
                    + " at least %s.", drop.on(), pitchChange.on(), drop.hold(), pitchChange.hold(), baseline.rule(),
                    Prose.duration(minMs));
        }
    }

    private static RuleDetector turtleNeck(TurtleNeck t, Baseline baseline) {
        RuleDetector.Rule reader = (view, i) -> {
            double[] eyes = view.cached("eyeHeight", () -> series(view, g -> g.hasTorso() && g.seen(BodyPart.LEFT_EYE)
                    && g.seen(BodyPart.RIGHT_EYE) ? g.heightAboveShoulders(g.eyeMid) : Double.NaN));
            double[] pitch = view.cached("noseDrop", () -> series(view, g -> g.seen(BodyPart.LEFT_EYE) && g.seen(BodyPart.RIGHT_EYE)
                    && g.seen(BodyPart.NOSE) ? g.norm(g.p(BodyPart.NOSE).minus(g.eyeMid).dot(g.down)) : Double.NaN));
            double eyeBase = baseline.of(view, eyes);
            double pitchBase = baseline.of(view, pitch);
            if (Double.isNaN(eyes[i]) || Double.isNaN(eyeBase) || Double.isNaN(pitch[i]) || Double.isNaN(pitchBase)) {
                return Reading.UNKNOWN;
            }
            double drop = eyeBase - eyes[i];
            double pitchChange = Math.abs(pitch[i] - pitchBase);
            BodyGeometry g = view.g(i);
            double conf = Math.min(g.headConfidence, Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER)));
            if (drop >= t.drop().on() && pitchChange <= t.pitchChange().on()) {
                return new Reading(Level.ON, drop, conf, "shoulders raised toward the head");
            }
            if (drop >= t.drop().hold() && pitchChange <= t.pitchChange().hold()) {
                return new Reading(Level.HOLD, drop, conf, "shoulders raised toward the head");
            }
            return Reading.off(drop);
        };
        return new RuleDetector("turtle_neck", NfblGroup.SELF_PROTECTION, true, t.minMs(), "drop", t.rule(baseline), reader,
                e -> Prose.format("%s (neck %.2f shoulder widths shorter than usual) %s", e.detail(), e.meanValue(),
                        e.span()));
    }

    /** One value per sample (NaN where the sample has no geometry). */
    private static double[] series(TrackView view, ToDoubleFunction<BodyGeometry> f) {
        double[] out = new double[view.size()];
        for (int k = 0; k < out.length; k++) {
            BodyGeometry g = view.g(k);
            out[k] = g == null ? Double.NaN : f.applyAsDouble(g);
        }
        return out;
    }

    /** The middle of the ears, or the one ear seen. */
    private static Point ear(BodyGeometry g) {
        boolean l = g.seen(BodyPart.LEFT_EAR);
        boolean r = g.seen(BodyPart.RIGHT_EAR);
        if (l && r) {
            return Point.mid(g.p(BodyPart.LEFT_EAR), g.p(BodyPart.RIGHT_EAR));
        }
        return l ? g.p(BodyPart.LEFT_EAR) : r ? g.p(BodyPart.RIGHT_EAR) : null;
    }
}
