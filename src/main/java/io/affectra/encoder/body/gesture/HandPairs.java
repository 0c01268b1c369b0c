package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.encoder.body.Hand;
import io.affectra.encoder.body.HandLandmarks;
import io.affectra.encoder.body.NfblGroup;
import io.affectra.encoder.body.gesture.BodyGeometry.HandView;
import io.affectra.media.geometry.Point;
import java.util.List;

/**
 * The arms meeting each other in front of the body: hands together, interlaced fingers, steepled fingers
 * (the minaret) and a hand on the other arm.
 */
final class HandPairs {

    /** The index, middle, ring and little fingers' knuckles (MCP) and middle joints (PIP). */
    private static final int[] KNUCKLES = {5, 6, 9, 10, 13, 14, 17, 18};
    private static final int[] FINGERTIPS = {HandLandmarks.INDEX_TIP, HandLandmarks.MIDDLE_TIP, HandLandmarks.RING_TIP,
        HandLandmarks.PINKY_TIP};

    private HandPairs() {
    }

    static List<RuleDetector> all() {
        return List.of(handsTogether(HandsTogether.DEFAULT), crossingFingers(CrossingFingers.DEFAULT, Minaret.DEFAULT),
                minaret(Minaret.DEFAULT), touchingArms(TouchingArms.DEFAULT));
    }

    // ---------------------------------------------------------------- hands together

    /**
     * rubbing_or_holding_hands: the hand centres' distance (shoulder widths), their midpoint's height in the body
     * frame (y, down from the shoulder line), and the relative speed above which the hands are rubbing.
     */
    record HandsTogether(Band distance, Band belowChin, double rubbingSpeed, long minMs) {

        static final HandsTogether DEFAULT = new HandsTogether(new Band(0.25, 0.35), new Band(0.3, 0.2), 0.3, 600);

        String rule() {
            return Prose.format("Both hand centres within %s shoulder widths of each other (held within %s), below the chin"
                    + " (their midpoint at y >= %s in the body frame, held at %s); at least %s. The evidence says"
                    + " rubbing when the hands move against each other (path speed of the vector between them over +-%s s"
                    + " >= %s shoulder widths/s) in most samples, else holding.", Prose.num(distance.on()),
                    Prose.num(distance.hold()), Prose.num(belowChin.on()), Prose.num(belowChin.hold()), Prose.duration(minMs),
                    Prose.seconds(HandMotion.RELATIVE_WINDOW_MS), Prose.num(rubbingSpeed));
        }
    }

    private static RuleDetector handsTogether(HandsTogether t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso() || !g.left.seen() || !g.right.seen()) {
                return Reading.UNKNOWN;
            }
            double d = g.norm(g.left.centre().distance(g.right.centre()));
            double y = g.body(Point.mid(g.left.centre(), g.right.centre())).y();
            double conf = Math.min(g.left.confidence(), g.right.confidence());
            double rel = HandMotion.relativeHandSpeed(view, i);
            String detail = rel >= t.rubbingSpeed() ? "rubbing" : "holding";
            if (d <= t.distance().on() && y >= t.belowChin().on()) {
                return new Reading(Level.ON, d, conf, detail);
            }
            if (d <= t.distance().hold() && y >= t.belowChin().hold()) {
                return new Reading(Level.HOLD, d, conf, detail);
            }
            return Reading.off(d);
        };
        return new RuleDetector("rubbing_or_holding_hands", NfblGroup.SELF_MANIPULATION, false, t.minMs(), "distance", t.rule(),
                reader, e -> Prose.format("%s hands together in front of the body (%.2f shoulder widths apart) %s",
                        e.detail(), e.meanValue(), e.span()));
    }

    // ---------------------------------------------------------------- fingers

    /**
     * crossing_fingers: how many of each hand's four fingertips lie within {@code knuckleRadius} palm lengths of
     * the other hand's knuckles (ON and HOLD counts), while fewer fingertip pairs than the minaret needs touch.
     */
    record CrossingFingers(int tipsOn, int tipsHold, double knuckleRadius, long minMs) {

        static final CrossingFingers DEFAULT = new CrossingFingers(3, 2, 0.45, 500);

        String rule(Minaret minaret) {
            return Prose.format("Needs both hands' landmarks. Interlaced fingers: at least %d of each hand's 4 fingertips lie"
                    + " within %s palm lengths of the other hand's knuckles (MCP and PIP joints), and fewer than %d fingertip"
                    + " pairs touch tip to tip (that is the minaret); held at %d and %d; at least %s.", tipsOn,
                    Prose.num(knuckleRadius), minaret.pairsOn(), tipsHold, tipsHold, Prose.duration(minMs));
        }
    }

    /**
     * minaret_gesture: fingertip pairs within {@code tipRadius} palm lengths of each other (ON and HOLD counts)
     * and the palm centres' distance in palm lengths.
     */
    record Minaret(int pairsOn, int pairsHold, double tipRadius, Band palmsApart, long minMs) {

        static final Minaret DEFAULT = new Minaret(3, 2, 0.35, new Band(0.9, 0.7), 500);

        String rule() {
            return Prose.format("Needs both hands' landmarks. Steepled hands: at least %d of the 5 fingertip pairs (left thumb"
                    + " to right thumb, index to index, ...) within %s palm lengths of each other while the palm centres stay"
                    + " at least %s palm lengths apart (palms not pressed together); held at %d pairs and %s; at least %s.",
                    pairsOn, Prose.num(tipRadius), Prose.num(palmsApart.on()), pairsHold, Prose.num(palmsApart.hold()),
                    Prose.duration(minMs));
        }
    }

    private static RuleDetector crossingFingers(CrossingFingers t, Minaret minaret) {
        RuleDetector.Rule reader = (view, i) -> {
            BothHands both = BothHands.at(view, i);
            if (both == null) {
                return Reading.UNKNOWN;
            }
            Hand l = both.left();
            Hand r = both.right();
            double palm = both.palm();
            int nl = tipsOnKnuckles(l, r, t.knuckleRadius() * palm);
            int nr = tipsOnKnuckles(r, l, t.knuckleRadius() * palm);
            int pairs = tipPairs(l, r, minaret.tipRadius() * palm);
            double conf = Math.min(l.presence(), r.presence());
            double value = (nl + nr) / 8.0;
            if (nl >= t.tipsOn() && nr >= t.tipsOn() && pairs < minaret.pairsOn()) {
                return new Reading(Level.ON, value, conf, "fingers interlaced");
            }
            if (nl >= t.tipsHold() && nr >= t.tipsHold() && pairs < minaret.pairsOn()) {
                return new Reading(Level.HOLD, value, conf, "fingers interlaced");
            }
            return Reading.off(value);
        };
        return new RuleDetector("crossing_fingers", NfblGroup.SELF_MANIPULATION, false, t.minMs(), "tipsOnKnuckles",
                t.rule(minaret), reader, e -> Prose.format("%s (%.0f%% of fingertips on the other hand's knuckles) %s",
                        e.detail(), 100 * e.meanValue(), e.span()));
    }

    private static RuleDetector minaret(Minaret t) {
        RuleDetector.Rule reader = (view, i) -> {
            BothHands both = BothHands.at(view, i);
            if (both == null) {
                return Reading.UNKNOWN;
            }
            Hand l = both.left();
            Hand r = both.right();
            double palm = both.palm();
            int pairs = tipPairs(l, r, t.tipRadius() * palm);
            double apart = l.palmCentre().distance(r.palmCentre()) / palm;
            double conf = Math.min(l.presence(), r.presence());
            if (pairs >= t.pairsOn() && apart >= t.palmsApart().on()) {
                return new Reading(Level.ON, apart, conf, pairs + " fingertip pairs touching");
            }
            if (pairs >= t.pairsHold() && apart >= t.palmsApart().hold()) {
                return new Reading(Level.HOLD, apart, conf, pairs + " fingertip pairs touching");
            }
            return Reading.off(apart);
        };
        return new RuleDetector("minaret_gesture", NfblGroup.OTHER, false, t.minMs(), "palmsApart", t.rule(), reader,
                e -> Prose.format("fingertips together, palms apart (%s; palms %.1f palm lengths apart) %s",
                        e.detail(), e.meanValue(), e.span()));
    }

    /** How many of a's four fingertips lie within {@code radius} pixels of one of b's knuckles. */
    private static int tipsOnKnuckles(Hand a, Hand b, double radius) {
        int n = 0;
        for (int tip : FINGERTIPS) {
            double best = Double.POSITIVE_INFINITY;
            for (int k : KNUCKLES) {
                best = Math.min(best, a.landmark(tip).distance(b.landmark(k)));
            }
            if (best <= radius) {
                n++;
            }
        }
        return n;
    }

    /** How many of the five tips (thumb to thumb, index to index, ...) lie within {@code radius} pixels of each other. */
    private static int tipPairs(Hand a, Hand b, double radius) {
        int n = 0;
        for (int tip : HandLandmarks.TIPS) {
            if (a.landmark(tip).distance(b.landmark(tip)) <= radius) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- a hand on the other arm

    /**
     * touching_arms: a hand point's distance (shoulder widths) from the other arm's upper arm (shoulder to
     * {@code upperArm} of the way to the elbow) or the first {@code forearm} of its forearm.
     */
    record TouchingArms(Band distance, double upperArm, double forearm, long minMs) {

        static final TouchingArms DEFAULT = new TouchingArms(new Band(0.08, 0.12), 0.9, 0.6, 500);

        String rule() {
            return Prose.format("A hand point within %s shoulder widths (held %s) of the other arm: its upper arm (shoulder to"
                    + " %s of the way to the elbow) or the first %s of its forearm (so that hands together do not count);"
                    + " at least %s.", Prose.num(distance.on()), Prose.num(distance.hold()), Prose.percent(upperArm),
                    Prose.percent(forearm), Prose.duration(minMs));
        }
    }

    private static RuleDetector touchingArms(TouchingArms t) {
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            Reading best = null;
            for (HandView hand : g.hands()) {
                boolean left = hand.wrist() == BodyPart.LEFT_WRIST;
                BodyPart os = left ? BodyPart.RIGHT_SHOULDER : BodyPart.LEFT_SHOULDER;
                BodyPart oe = left ? BodyPart.RIGHT_ELBOW : BodyPart.LEFT_ELBOW;
                BodyPart ow = left ? BodyPart.RIGHT_WRIST : BodyPart.LEFT_WRIST;
                if (!hand.seen() || !g.seen(oe)) {
                    continue;
                }
                Point s = g.p(os);
                Point e = g.p(oe);
                Point upperEnd = s.plus(e.minus(s).times(t.upperArm()));
                double d = Double.POSITIVE_INFINITY;
                for (Point p : hand.contacts()) {
                    d = Math.min(d, p.distanceToSegment(s, upperEnd));
                    if (g.seen(ow)) {
                        Point w = g.p(ow);
                        d = Math.min(d, p.distanceToSegment(e, e.plus(w.minus(e).times(t.forearm()))));
                    }
                }
                d = g.norm(d);
                Reading r = new Reading(t.distance().atMost(d), d, Math.min(hand.confidence(), g.score(oe)),
                        hand.name() + " on the " + (left ? "right" : "left") + " arm");
                if (best == null || r.closerThan(best)) {
                    best = r;
                }
            }
            return best == null ? Reading.UNKNOWN : best;
        };
        return new RuleDetector("touching_arms", NfblGroup.SELF_MANIPULATION, false, t.minMs(), "distance", t.rule(), reader,
                e -> Prose.format("%s (%.2f shoulder widths at the closest) %s", e.detail(), e.valueMin, e.span()));
    }

    /** Both hands of a frame with their mean palm length, or null when either is unseen or the palms have no size. */
    private record BothHands(Hand left, Hand right, double palm) {

        static BothHands at(TrackView view, int i) {
            BodyGeometry g = view.g(i);
            Hand l = g == null ? null : g.left.hand();
            Hand r = g == null ? null : g.right.hand();
            if (l == null || r == null) {
                return null;
            }
            double palm = (l.palmLength() + r.palmLength()) / 2;
            return palm > 0 ? new BothHands(l, r, palm) : null;
        }
    }
}
