package io.affectra.encoder.body;

import io.affectra.encoder.body.BodyGeometry.HandView;
import io.affectra.encoder.body.RuleDetector.Level;
import io.affectra.encoder.body.RuleDetector.Reading;
import io.affectra.media.geometry.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The micro-gesture and posture detectors over 2D keypoints (and hand landmarks where a rule needs them).
 * Every distance is in shoulder widths (see {@link BodyGeometry}); every rule has an ON threshold and a
 * looser HOLD threshold (hysteresis) and a minimum duration (see {@link RuleDetector}). The rules, one per
 * detector, are in {@link GestureDetector#rule()} and in docs/ARCHITECTURE.md.
 *
 * <p>Use {@link #detect(KeypointTrack)}: it runs every detector on one track and drops events explained by a
 * broader one (a hand on the cheek while both hands cover the face is "covering face", not also
 * "touching face").
 */
public final class GestureDetectors {

    /** Hand speed above which a hand counts as moving (fiddling, rubbing), in shoulder widths per second. */
    static final double MOVING = 0.4;
    /** Hand path speed of an illustrative gesture (ON / HOLD). */
    static final double GESTURING = 0.6;
    static final double GESTURING_HOLD = 0.35;
    /** Half-width of the window hand speeds are measured over: a hand moving to a place and staying there is fast only briefly. */
    static final long SPEED_WINDOW_MS = 250;

    private static final List<RuleDetector> ALL = List.of(
            contact("touching_head", FaceRegion.HEAD, "the top or side of the head", null),
            contact("touching_forehead", FaceRegion.FOREHEAD, "the forehead", null),
            contact("rubbing_eyes", FaceRegion.EYE, "an eye", null),
            contact("touching_face", FaceRegion.FACE, "the nose or a cheek", null),
            contact("biting_nails", FaceRegion.MOUTH, "the mouth", null),
            contact("touching_jaw", FaceRegion.JAW, "the jaw or chin", null),
            contact("touching_ears", FaceRegion.EAR, "an ear", MOVING),
            contact("touching_neck", FaceRegion.NECK, "the neck", null),
            contact("touching_suprasternal_notch", FaceRegion.NOTCH, "the suprasternal notch (the dip at the base of the neck)", null),
            hair(),
            coveringFace(),
            foldingArms(),
            armsAkimbo(),
            armsBehindBody(),
            handsTogether(),
            crossingFingers(),
            minaret(),
            touchingArms(),
            shakingShoulders(),
            movingTorso(),
            headUp(),
            turtleNeck(),
            illustrative());

    /** Events of the first detector that explain events of the others when they overlap by half or more. */
    private static final Map<String, Set<String>> SUBSUMES = Map.of(
            "covering_face", Set.of("touching_face", "biting_nails", "rubbing_eyes", "touching_jaw", "touching_forehead"),
            "folding_arms", Set.of("touching_arms", "rubbing_or_holding_hands"),
            "crossing_fingers", Set.of("rubbing_or_holding_hands"),
            "minaret_gesture", Set.of("rubbing_or_holding_hands"),
            "playing_with_hair", Set.of("touching_ears"));

    private GestureDetectors() {
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

    /** {@link #detect(KeypointTrack)} for each track, in track order. */
    public static List<GestureEvent> detect(List<KeypointTrack> tracks) {
        List<GestureEvent> all = new ArrayList<>();
        for (KeypointTrack track : tracks) {
            all.addAll(detect(track));
        }
        return all;
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

    // ---------------------------------------------------------------- hand-to-head contacts

    /** One hand's nearest head region and its distance to every region, in shoulder widths. */
    record HandContact(HandView hand, FaceRegion best, double bestRatio, Map<FaceRegion, Double> distance) {
    }

    static List<HandContact> contacts(TrackView view, int i) {
        @SuppressWarnings("unchecked")
        List<HandContact>[] all = view.cached("contacts", () -> new List[view.size()]);
        if (all[i] == null) {
            List<HandContact> list = new ArrayList<>(2);
            BodyGeometry g = view.g(i);
            if (g != null && g.hasHead()) {
                for (HandView hand : g.hands()) {
                    if (!hand.seen()) {
                        continue;
                    }
                    Map<FaceRegion, Double> distance = new EnumMap<>(FaceRegion.class);
                    FaceRegion best = null;
                    double bestRatio = Double.POSITIVE_INFINITY;
                    for (FaceRegion region : FaceRegion.values()) {
                        double d = g.distance(hand.contacts(), region);
                        distance.put(region, d);
                        if (d / region.enter < bestRatio) {
                            bestRatio = d / region.enter;
                            best = region;
                        }
                    }
                    list.add(new HandContact(hand, best, bestRatio, distance));
                }
            }
            all[i] = list;
        }
        return all[i];
    }

    private static RuleDetector contact(String name, FaceRegion region, String where, Double maxSpeedToStart) {
        String rule = String.format(Locale.ROOT,
                "A hand point (fingertips and palm centre from hand landmarks, else the wrist and 0.3/0.55 forearm lengths"
                        + " past it) within %.2f shoulder widths of %s, %s being the hand's nearest head region; held while"
                        + " within %.2f; at least %d ms.%s",
                region.enter, where, where, region.exit, 400,
                maxSpeedToStart == null ? "" : String.format(Locale.ROOT,
                        " Starts only while the hand moves slower than %.1f shoulder widths/s (a moving hand there is playing with hair).",
                        maxSpeedToStart));
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasHead() || !g.anchors.containsKey(region)) {
                return Reading.UNKNOWN;
            }
            List<HandContact> hands = contacts(view, i);
            if (hands.isEmpty()) {
                return Reading.UNKNOWN;
            }
            Reading best = null;
            for (HandContact c : hands) {
                double d = c.distance().get(region);
                Level level = c.best() == region && c.bestRatio() <= 1 ? Level.ON : d <= region.exit ? Level.HOLD : Level.OFF;
                if (level == Level.ON && maxSpeedToStart != null) {
                    double speed = handSpeed(view, i, c.hand().wrist());
                    if (!(speed <= maxSpeedToStart)) {
                        level = Level.HOLD;
                    }
                }
                Reading r = new Reading(level, d, Math.min(c.hand().confidence(), g.headConfidence), handName(c.hand().wrist()));
                if (best == null || stronger(r, best)) {
                    best = r;
                }
            }
            return best;
        };
        return new RuleDetector(name, region == FaceRegion.NOTCH ? NfblGroup.SELF_PROTECTION : NfblGroup.SELF_MANIPULATION,
                false, 400, "distance", rule, reader,
                e -> String.format(Locale.ROOT, "%s at %s (%.2f shoulder widths at the closest) %s", e.detail(), where,
                        e.valueMin, e.span()));
    }

    private static RuleDetector hair() {
        String rule = "A hand whose nearest head region is beside the head (hair: just outside an ear, above or below it)"
                + " or an ear, and which moves: path speed of the hand centre over +-0.25 s at least 0.4 shoulder widths/s;"
                + " held at 0.2 while within the exit radius of those regions or of the top of the head; at least 600 ms."
                + " Hair versus scalp cannot be told apart in 2D: a still hand there is touching_ears, a hand on top of the"
                + " head is touching_head.";
        Set<FaceRegion> regions = Set.of(FaceRegion.HAIR, FaceRegion.EAR);
        Set<FaceRegion> holdRegions = Set.of(FaceRegion.HAIR, FaceRegion.EAR, FaceRegion.HEAD);
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasHead()) {
                return Reading.UNKNOWN;
            }
            List<HandContact> hands = contacts(view, i);
            if (hands.isEmpty()) {
                return Reading.UNKNOWN;
            }
            Reading best = null;
            for (HandContact c : hands) {
                double d = regions.stream().mapToDouble(r -> c.distance().get(r)).min().orElse(Double.POSITIVE_INFINITY);
                boolean near = regions.contains(c.best()) && c.bestRatio() <= 1;
                boolean nearHold = holdRegions.stream().anyMatch(r -> c.distance().get(r) <= r.exit);
                double speed = handSpeed(view, i, c.hand().wrist());
                Reading r;
                if (Double.isNaN(speed)) {
                    r = near ? Reading.UNKNOWN : Reading.off(d);
                } else {
                    Level level = near && speed >= MOVING ? Level.ON : nearHold && speed >= MOVING / 2 ? Level.HOLD : Level.OFF;
                    r = new Reading(level, speed, Math.min(c.hand().confidence(), g.headConfidence), handName(c.hand().wrist()));
                }
                if (best == null || faster(r, best)) {
                    best = r;
                }
            }
            return best;
        };
        return new RuleDetector("playing_with_hair", NfblGroup.SELF_MANIPULATION, false, 600, "speed", rule, reader,
                e -> String.format(Locale.ROOT, "%s moving beside the head (%.2f shoulder widths/s on average) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    private static RuleDetector coveringFace() {
        String rule = "Both hands (any hand point) within 0.18 shoulder widths of the face centre (nose, or where it"
                + " should be), held within 0.25; or one hand within 0.15 (held 0.22) while the nose and both eyes are"
                + " hidden (score < 0.3); at least 500 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasHead()) {
                return Reading.UNKNOWN;
            }
            Point face = g.anchors.get(FaceRegion.FACE).get(0);
            double dl = g.left.seen() ? nearest(g.left.contacts(), face) / g.scale : Double.NaN;
            double dr = g.right.seen() ? nearest(g.right.contacts(), face) / g.scale : Double.NaN;
            if (Double.isNaN(dl) && Double.isNaN(dr)) {
                return Reading.UNKNOWN;
            }
            double conf = Math.min(g.headConfidence, Math.max(g.left.confidence(), g.right.confidence()));
            if (!Double.isNaN(dl) && !Double.isNaN(dr)) {
                double worst = Math.max(dl, dr);
                if (worst <= 0.25) {
                    return new Reading(worst <= 0.18 ? Level.ON : Level.HOLD, worst,
                            Math.min(g.headConfidence, Math.min(g.left.confidence(), g.right.confidence())), "both hands");
                }
            }
            boolean hidden = g.score(BodyPart.NOSE) < BodyGeometry.SEEN && g.score(BodyPart.LEFT_EYE) < BodyGeometry.SEEN
                    && g.score(BodyPart.RIGHT_EYE) < BodyGeometry.SEEN;
            double one = Double.isNaN(dl) ? dr : Double.isNaN(dr) ? dl : Math.min(dl, dr);
            if (hidden && one <= 0.22) {
                return new Reading(one <= 0.15 ? Level.ON : Level.HOLD, one, 0.8 * conf, "one hand over the hidden face");
            }
            return Reading.off(one);
        };
        return new RuleDetector("covering_face", NfblGroup.SELF_PROTECTION, false, 500, "distance", rule, reader,
                e -> String.format(Locale.ROOT, "%s over the face (%.2f shoulder widths from its centre) %s", e.detail(),
                        e.valueMin, e.span()));
    }

    // ---------------------------------------------------------------- arms

    private static RuleDetector foldingArms() {
        String rule = "In the body frame (x toward the person's left shoulder, shoulders at x = +-0.5, y down from the"
                + " shoulder line, in shoulder widths): the left wrist at x <= -0.05 and the right wrist at x >= 0.05"
                + " (each past the midline to the other side), both at chest height (0.15 <= y <= 1.4); or one wrist"
                + " crossed by 0.15 while the other is hidden and both elbows are seen below the shoulders. Held while the"
                + " wrists stay within 0.05 of the midline; at least 1 s.";
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
                if (depth >= 0.05 && between(l.y(), 0.15, 1.4) && between(r.y(), 0.15, 1.4)) {
                    return new Reading(Level.ON, depth, conf, "both wrists crossed");
                }
                if (depth >= -0.05 && between(l.y(), 0.05, 1.6) && between(r.y(), 0.05, 1.6)) {
                    return new Reading(Level.HOLD, depth, conf, "both wrists crossed");
                }
                return Reading.off(depth);
            }
            boolean elbows = g.seen(BodyPart.LEFT_ELBOW) && g.seen(BodyPart.RIGHT_ELBOW)
                    && g.body(g.p(BodyPart.LEFT_ELBOW)).y() >= 0.3 && g.body(g.p(BodyPart.RIGHT_ELBOW)).y() >= 0.3;
            if (!ls && !rs || !elbows) {
                return ls || rs ? Reading.off(0) : Reading.UNKNOWN;
            }
            double depth = ls ? -l.x() : r.x();
            Point w = ls ? l : r;
            double conf = 0.8 * Math.min(g.score(ls ? BodyPart.LEFT_WRIST : BodyPart.RIGHT_WRIST),
                    Math.min(g.score(BodyPart.LEFT_ELBOW), g.score(BodyPart.RIGHT_ELBOW)));
            if (depth >= 0.15 && between(w.y(), 0.15, 1.4)) {
                return new Reading(Level.ON, depth, conf, "one wrist crossed, the other tucked out of sight");
            }
            if (depth >= 0.05 && between(w.y(), 0.05, 1.6)) {
                return new Reading(Level.HOLD, depth, conf, "one wrist crossed, the other tucked out of sight");
            }
            return Reading.off(depth);
        };
        return new RuleDetector("folding_arms", NfblGroup.SELF_PROTECTION, true, 1000, "crossing", rule, reader,
                e -> String.format(Locale.ROOT, "arms folded: %s (%.2f shoulder widths past the midline) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    private static RuleDetector armsAkimbo() {
        String rule = "Per arm: the wrist on the same-side hip (within 0.35 shoulder widths of the hip keypoint, or when the"
                + " hip is unseen at 0.9 <= y <= 1.9 and 0.25 <= |x| <= 0.95 in the body frame) with the elbow pointing"
                + " out (|x| >= 0.75, beyond the shoulder). Held at 0.45 / |x| >= 0.68. One arm is enough (confidence"
                + " x0.8); at least 1 s.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            Level left = akimboSide(g, BodyPart.LEFT_WRIST, BodyPart.LEFT_ELBOW, BodyPart.LEFT_HIP, 1);
            Level right = akimboSide(g, BodyPart.RIGHT_WRIST, BodyPart.RIGHT_ELBOW, BodyPart.RIGHT_HIP, -1);
            if (left == Level.UNKNOWN && right == Level.UNKNOWN) {
                return Reading.UNKNOWN;
            }
            boolean both = isActive(left) && isActive(right);
            Level level = left == Level.ON || right == Level.ON ? Level.ON
                    : left == Level.HOLD || right == Level.HOLD ? Level.HOLD : Level.OFF;
            if (level == Level.OFF) {
                return Reading.off(0);
            }
            double conf = 0;
            for (BodyPart p : new BodyPart[] {BodyPart.LEFT_WRIST, BodyPart.LEFT_ELBOW, BodyPart.RIGHT_WRIST, BodyPart.RIGHT_ELBOW}) {
                boolean sideActive = p == BodyPart.LEFT_WRIST || p == BodyPart.LEFT_ELBOW ? isActive(left) : isActive(right);
                if (sideActive) {
                    conf = conf == 0 ? g.score(p) : Math.min(conf, g.score(p));
                }
            }
            return new Reading(level, both ? 2 : 1, both ? conf : 0.8 * conf,
                    both ? "both hands on the hips, elbows out" : (isActive(left) ? "left" : "right") + " hand on the hip, elbow out");
        };
        return new RuleDetector("arms_akimbo", NfblGroup.OTHER, true, 1000, "arms", rule, reader,
                e -> String.format(Locale.ROOT, "%s %s", e.detail(), e.span()));
    }

    private static Level akimboSide(BodyGeometry g, BodyPart wrist, BodyPart elbow, BodyPart hip, int sign) {
        if (!g.seen(wrist) || !g.seen(elbow)) {
            return Level.UNKNOWN;
        }
        Point w = g.body(g.p(wrist));
        Point e = g.body(g.p(elbow));
        boolean onHip;
        boolean nearHip;
        if (g.seen(hip)) {
            double d = g.norm(g.p(wrist).distance(g.p(hip)));
            onHip = d <= 0.35;
            nearHip = d <= 0.45;
        } else {
            onHip = between(w.y(), 0.9, 1.9) && between(sign * w.x(), 0.25, 0.95);
            nearHip = between(w.y(), 0.8, 2.0) && between(sign * w.x(), 0.15, 1.05);
        }
        boolean out = sign * e.x() >= 0.75 && between(e.y(), 0.2, 1.5);
        boolean outHold = sign * e.x() >= 0.68 && between(e.y(), 0.1, 1.6);
        return onHip && out ? Level.ON : nearHip && outHold ? Level.HOLD : Level.OFF;
    }

    private static RuleDetector armsBehindBody() {
        String rule = "Both wrists hidden (score < 0.3, no hand found) while both elbows are seen below the shoulders"
                + " (y >= 0.45, held at 0.35) at their own sides (|x| >= 0.3), and where the wrists would be (the"
                + " upper arm's line continued 0.9 of its length past the elbow) lies inside the frame, so they are not"
                + " merely cut off; at least 1 s. Ambiguous with folded arms whose hands are both tucked away:"
                + " confidence x0.7.";
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
                Point wrist = el.plus(el.minus(sh).times(0.9));
                if (wrist.x() < 0 || wrist.y() < 0 || wrist.x() > s.frameWidth() || wrist.y() > s.frameHeight()) {
                    return Reading.UNKNOWN;
                }
            }
            Point le = g.body(g.p(BodyPart.LEFT_ELBOW));
            Point re = g.body(g.p(BodyPart.RIGHT_ELBOW));
            boolean sides = le.x() >= 0.3 && -re.x() >= 0.3;
            double low = Math.min(le.y(), re.y());
            double conf = 0.7 * Math.min(g.score(BodyPart.LEFT_ELBOW), g.score(BodyPart.RIGHT_ELBOW));
            double hidden = Math.max(g.score(BodyPart.LEFT_WRIST), g.score(BodyPart.RIGHT_WRIST));
            if (sides && low >= 0.45) {
                return new Reading(Level.ON, hidden, conf, "both wrists out of sight behind the body");
            }
            if (sides && low >= 0.35) {
                return new Reading(Level.HOLD, hidden, conf, "both wrists out of sight behind the body");
            }
            return Reading.off(hidden);
        };
        return new RuleDetector("arms_behind_body", NfblGroup.OTHER, true, 1000, "wristScore", rule, reader,
                e -> String.format(Locale.ROOT, "elbows at the sides, %s (wrist scores <= %.2f) %s", e.detail(), e.valueMax,
                        e.span()));
    }

    private static RuleDetector handsTogether() {
        String rule = "Both hand centres within 0.25 shoulder widths of each other (held within 0.35), below the chin"
                + " (their midpoint at y >= 0.3 in the body frame, held at 0.2); at least 600 ms. The evidence says"
                + " rubbing when the hands move against each other (path speed of the vector between them over +-0.15 s"
                + " >= 0.3 shoulder widths/s) in most samples, else holding.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso() || !g.left.seen() || !g.right.seen()) {
                return Reading.UNKNOWN;
            }
            double d = g.norm(g.left.centre().distance(g.right.centre()));
            double y = g.body(Point.mid(g.left.centre(), g.right.centre())).y();
            double conf = Math.min(g.left.confidence(), g.right.confidence());
            double rel = relativeHandSpeed(view, i);
            String detail = rel >= 0.3 ? "rubbing" : "holding";
            if (d <= 0.25 && y >= 0.3) {
                return new Reading(Level.ON, d, conf, detail);
            }
            if (d <= 0.35 && y >= 0.2) {
                return new Reading(Level.HOLD, d, conf, detail);
            }
            return Reading.off(d);
        };
        return new RuleDetector("rubbing_or_holding_hands", NfblGroup.SELF_MANIPULATION, false, 600, "distance", rule, reader,
                e -> String.format(Locale.ROOT, "%s hands together in front of the body (%.2f shoulder widths apart) %s",
                        e.detail(), e.meanValue(), e.span()));
    }

    private static RuleDetector crossingFingers() {
        String rule = "Needs both hands' landmarks. Interlaced fingers: at least 3 of each hand's 4 fingertips lie within"
                + " 0.45 palm lengths of the other hand's knuckles (MCP and PIP joints), and fewer than 3 fingertip pairs"
                + " touch tip to tip (that is the minaret); held at 2 and 2; at least 500 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            Hand l = g == null ? null : g.left.hand();
            Hand r = g == null ? null : g.right.hand();
            if (l == null || r == null) {
                return Reading.UNKNOWN;
            }
            double palm = (l.palmLength() + r.palmLength()) / 2;
            if (palm <= 0) {
                return Reading.UNKNOWN;
            }
            int nl = tipsOnKnuckles(l, r, palm);
            int nr = tipsOnKnuckles(r, l, palm);
            int pairs = tipPairs(l, r, palm);
            double conf = Math.min(l.presence(), r.presence());
            double value = (nl + nr) / 8.0;
            if (nl >= 3 && nr >= 3 && pairs < 3) {
                return new Reading(Level.ON, value, conf, "fingers interlaced");
            }
            if (nl >= 2 && nr >= 2 && pairs < 3) {
                return new Reading(Level.HOLD, value, conf, "fingers interlaced");
            }
            return Reading.off(value);
        };
        return new RuleDetector("crossing_fingers", NfblGroup.SELF_MANIPULATION, false, 500, "tipsOnKnuckles", rule, reader,
                e -> String.format(Locale.ROOT, "%s (%.0f%% of fingertips on the other hand's knuckles) %s", e.detail(),
                        100 * e.meanValue(), e.span()));
    }

    private static RuleDetector minaret() {
        String rule = "Needs both hands' landmarks. Steepled hands: at least 3 of the 5 fingertip pairs (left thumb to"
                + " right thumb, index to index, ...) within 0.35 palm lengths of each other while the palm centres stay"
                + " at least 0.9 palm lengths apart (palms not pressed together); held at 2 pairs and 0.7; at least 500 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            Hand l = g == null ? null : g.left.hand();
            Hand r = g == null ? null : g.right.hand();
            if (l == null || r == null) {
                return Reading.UNKNOWN;
            }
            double palm = (l.palmLength() + r.palmLength()) / 2;
            if (palm <= 0) {
                return Reading.UNKNOWN;
            }
            int pairs = tipPairs(l, r, palm);
            double apart = l.palmCentre().distance(r.palmCentre()) / palm;
            double conf = Math.min(l.presence(), r.presence());
            if (pairs >= 3 && apart >= 0.9) {
                return new Reading(Level.ON, apart, conf, pairs + " fingertip pairs touching");
            }
            if (pairs >= 2 && apart >= 0.7) {
                return new Reading(Level.HOLD, apart, conf, pairs + " fingertip pairs touching");
            }
            return Reading.off(apart);
        };
        return new RuleDetector("minaret_gesture", NfblGroup.OTHER, false, 500, "palmsApart", rule, reader,
                e -> String.format(Locale.ROOT, "fingertips together, palms apart (%s; palms %.1f palm lengths apart) %s",
                        e.detail(), e.meanValue(), e.span()));
    }

    private static int tipsOnKnuckles(Hand a, Hand b, double palm) {
        int[] knuckles = {5, 6, 9, 10, 13, 14, 17, 18};
        int n = 0;
        for (int tip : new int[] {HandLandmarks.INDEX_TIP, HandLandmarks.MIDDLE_TIP, HandLandmarks.RING_TIP, HandLandmarks.PINKY_TIP}) {
            double best = Double.POSITIVE_INFINITY;
            for (int k : knuckles) {
                best = Math.min(best, a.landmark(tip).distance(b.landmark(k)));
            }
            if (best <= 0.45 * palm) {
                n++;
            }
        }
        return n;
    }

    private static int tipPairs(Hand a, Hand b, double palm) {
        int n = 0;
        for (int tip : HandLandmarks.TIPS) {
            if (a.landmark(tip).distance(b.landmark(tip)) <= 0.35 * palm) {
                n++;
            }
        }
        return n;
    }

    private static RuleDetector touchingArms() {
        String rule = "A hand point within 0.08 shoulder widths (held 0.12) of the other arm: its upper arm (shoulder to 90%"
                + " of the way to the elbow) or the first 60% of its forearm (so that hands together do not count);"
                + " at least 500 ms.";
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
                Point upperEnd = s.plus(e.minus(s).times(0.9));
                double d = Double.POSITIVE_INFINITY;
                for (Point p : hand.contacts()) {
                    d = Math.min(d, p.distanceToSegment(s, upperEnd));
                    if (g.seen(ow)) {
                        Point w = g.p(ow);
                        d = Math.min(d, p.distanceToSegment(e, e.plus(w.minus(e).times(0.6))));
                    }
                }
                d = g.norm(d);
                Level level = d <= 0.08 ? Level.ON : d <= 0.12 ? Level.HOLD : Level.OFF;
                Reading r = new Reading(level, d, Math.min(hand.confidence(), g.score(oe)),
                        handName(hand.wrist()) + " on the " + (left ? "right" : "left") + " arm");
                if (best == null || stronger(r, best)) {
                    best = r;
                }
            }
            return best == null ? Reading.UNKNOWN : best;
        };
        return new RuleDetector("touching_arms", NfblGroup.SELF_MANIPULATION, false, 500, "distance", rule, reader,
                e -> String.format(Locale.ROOT, "%s (%.2f shoulder widths at the closest) %s", e.detail(), e.valueMin, e.span()));
    }

    // ---------------------------------------------------------------- whole-body movement

    private static RuleDetector shakingShoulders() {
        String rule = "The shoulder line's height (mean of both shoulders, in shoulder widths) minus its +-0.5 s moving"
                + " average oscillates: within +-0.5 s at least 3 sign changes (ignoring |value| < 0.01) and a"
                + " peak-to-peak amplitude >= 0.05 shoulder widths (held at 2 and 0.03); needs >= 6 samples in the"
                + " window (about 6 fps or more); at least 600 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            double[] signal = view.cached("shoulderOscillation", () -> detrendedShoulderHeight(view));
            int[] w = view.window(i, 500);
            List<Double> values = new ArrayList<>();
            for (int k = w[0]; k <= w[1]; k++) {
                if (!Double.isNaN(signal[k])) {
                    values.add(signal[k]);
                }
            }
            if (values.size() < 6 || Double.isNaN(signal[i])) {
                return Reading.UNKNOWN;
            }
            int changes = 0;
            int lastSign = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                int sign = v > 0.01 ? 1 : v < -0.01 ? -1 : 0;
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
            if (changes >= 3 && amp >= 0.05) {
                return new Reading(Level.ON, amp, conf, detail);
            }
            if (changes >= 2 && amp >= 0.03) {
                return new Reading(Level.HOLD, amp, conf, detail);
            }
            return Reading.off(amp);
        };
        return new RuleDetector("shaking_shoulders", NfblGroup.OTHER, false, 600, "amplitude", rule, reader,
                e -> String.format(Locale.ROOT, "shoulders moving up and down (%.2f shoulder widths peak to peak) %s",
                        e.meanValue(), e.span()));
    }

    private static double[] detrendedShoulderHeight(TrackView view) {
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
            int[] w = view.window(k, 500);
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

    private static RuleDetector movingTorso() {
        String rule = "The middle of the shoulders moves: its net displacement across +-0.4 s, divided by the time, is"
                + " at least 0.25 shoulder widths/s (held at 0.12); at least 500 ms. The head alone moving does not"
                + " count. Camera motion cannot be told apart.";
        RuleDetector.Rule reader = (view, i) -> {
            BodyGeometry g = view.g(i);
            if (g == null || !g.hasTorso()) {
                return Reading.UNKNOWN;
            }
            int[] w = view.window(i, 400);
            int lo = w[0];
            int hi = w[1];
            while (lo < i && (view.g(lo) == null || !view.g(lo).hasTorso())) {
                lo++;
            }
            while (hi > i && (view.g(hi) == null || !view.g(hi).hasTorso())) {
                hi--;
            }
            long dt = view.t(hi) - view.t(lo);
            if (dt < 400) {
                return Reading.UNKNOWN;
            }
            Point shift = view.g(hi).shoulderMid.minus(view.g(lo).shoulderMid);
            double speed = g.norm(shift.length()) / (dt / 1000.0);
            double sideways = Math.abs(shift.dot(g.across));
            double vertical = Math.abs(shift.dot(g.down));
            String detail = sideways >= vertical ? "sideways" : "up or down (leaning forward or back)";
            double conf = Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER));
            if (speed >= 0.25) {
                return new Reading(Level.ON, speed, conf, detail);
            }
            if (speed >= 0.12) {
                return new Reading(Level.HOLD, speed, conf, detail);
            }
            return Reading.off(speed);
        };
        return new RuleDetector("moving_torso", NfblGroup.OTHER, false, 500, "speed", rule, reader,
                e -> String.format(Locale.ROOT, "torso moving %s (%.2f shoulder widths/s on average) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    private static RuleDetector headUp() {
        String rule = "The nose's height above the shoulder line rises at least 0.10 shoulder widths above the track's"
                + " median (its baseline), or the nose rises at least 0.07 relative to the ears (head tilted back) against"
                + " their median; held at 0.06 / 0.04; needs a track of at least 10 samples over 2 s; at least 800 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            double[] nose = view.cached("noseHeight", () -> series(view, g -> g.hasTorso() && g.seen(BodyPart.NOSE)
                    ? g.heightAboveShoulders(g.p(BodyPart.NOSE)) : Double.NaN));
            double[] pitch = view.cached("nosePitch", () -> series(view, g -> g.seen(BodyPart.NOSE) && ear(g) != null
                    ? g.norm(ear(g).minus(g.p(BodyPart.NOSE)).dot(g.down)) : Double.NaN));
            double noseBase = baseline(view, nose);
            double pitchBase = baseline(view, pitch);
            if (Double.isNaN(nose[i]) || Double.isNaN(noseBase)) {
                return Reading.UNKNOWN;
            }
            double rise = nose[i] - noseBase;
            double tilt = Double.isNaN(pitch[i]) || Double.isNaN(pitchBase) ? Double.NEGATIVE_INFINITY : pitch[i] - pitchBase;
            BodyGeometry g = view.g(i);
            double conf = Math.min(g.score(BodyPart.NOSE), Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER)));
            String detail = rise >= 0.10 || tilt < 0.07 ? "nose raised above its usual height" : "head tilted back";
            if (rise >= 0.10 || tilt >= 0.07) {
                return new Reading(Level.ON, rise, conf, detail);
            }
            if (rise >= 0.06 || tilt >= 0.04) {
                return new Reading(Level.HOLD, rise, conf, detail);
            }
            return Reading.off(rise);
        };
        return new RuleDetector("head_up", NfblGroup.OTHER, true, 800, "rise", rule, reader,
                e -> String.format(Locale.ROOT, "%s (+%.2f shoulder widths against the person's median) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    private static RuleDetector turtleNeck() {
        String rule = "The shoulders rise toward the head: the eye line's height above the shoulder line drops at least"
                + " 0.08 shoulder widths below the track's median while the head's pitch (the nose's drop below the eye"
                + " line) stays within 0.04 of its median, so bowing the head does not count; held at 0.05 / 0.06; needs a"
                + " track of at least 10 samples over 2 s; at least 500 ms.";
        RuleDetector.Rule reader = (view, i) -> {
            double[] eyes = view.cached("eyeHeight", () -> series(view, g -> g.hasTorso() && g.seen(BodyPart.LEFT_EYE)
                    && g.seen(BodyPart.RIGHT_EYE) ? g.heightAboveShoulders(g.eyeMid) : Double.NaN));
            double[] pitch = view.cached("noseDrop", () -> series(view, g -> g.seen(BodyPart.LEFT_EYE) && g.seen(BodyPart.RIGHT_EYE)
                    && g.seen(BodyPart.NOSE) ? g.norm(g.p(BodyPart.NOSE).minus(g.eyeMid).dot(g.down)) : Double.NaN));
            double eyeBase = baseline(view, eyes);
            double pitchBase = baseline(view, pitch);
            if (Double.isNaN(eyes[i]) || Double.isNaN(eyeBase) || Double.isNaN(pitch[i]) || Double.isNaN(pitchBase)) {
                return Reading.UNKNOWN;
            }
            double drop = eyeBase - eyes[i];
            double pitchChange = Math.abs(pitch[i] - pitchBase);
            BodyGeometry g = view.g(i);
            double conf = Math.min(g.headConfidence, Math.min(g.score(BodyPart.LEFT_SHOULDER), g.score(BodyPart.RIGHT_SHOULDER)));
            if (drop >= 0.08 && pitchChange <= 0.04) {
                return new Reading(Level.ON, drop, conf, "shoulders raised toward the head");
            }
            if (drop >= 0.05 && pitchChange <= 0.06) {
                return new Reading(Level.HOLD, drop, conf, "shoulders raised toward the head");
            }
            return Reading.off(drop);
        };
        return new RuleDetector("turtle_neck", NfblGroup.SELF_PROTECTION, true, 500, "drop", rule, reader,
                e -> String.format(Locale.ROOT, "%s (neck %.2f shoulder widths shorter than usual) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    private static RuleDetector illustrative() {
        String rule = "A hand moves above the waist without touching the body: hand centre above the hips (or y <= 1.2 in"
                + " the body frame when the hips are unseen), at least 0.3 shoulder widths from every head region and from"
                + " the other hand, with a path speed over +-0.25 s of at least 0.6 shoulder widths/s (held at 0.35);"
                + " at least 600 ms.";
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
                double speed = handSpeed(view, i, hand.wrist());
                if (Double.isNaN(speed)) {
                    continue;
                }
                double waist = g.seen(BodyPart.LEFT_HIP) && g.seen(BodyPart.RIGHT_HIP)
                        ? Math.min(g.body(g.p(BodyPart.LEFT_HIP)).y(), g.body(g.p(BodyPart.RIGHT_HIP)).y()) - 0.1 : 1.2;
                boolean above = g.body(hand.centre()).y() <= waist;
                double fromHead = Double.POSITIVE_INFINITY;
                if (g.hasHead()) {
                    for (FaceRegion region : FaceRegion.values()) {
                        fromHead = Math.min(fromHead, g.distance(hand.contacts(), region));
                    }
                }
                HandView other = hand == g.left ? g.right : g.left;
                double fromOther = other.seen() ? g.norm(hand.centre().distance(other.centre())) : Double.POSITIVE_INFINITY;
                boolean free = fromHead >= 0.3 && fromOther >= 0.3;
                Level level = above && free && speed >= GESTURING ? Level.ON
                        : above && free && speed >= GESTURING_HOLD ? Level.HOLD : Level.OFF;
                Reading r = new Reading(level, speed, hand.confidence(), handName(hand.wrist()));
                if (best == null || faster(r, best)) {
                    best = r;
                }
            }
            return best == null ? Reading.UNKNOWN : best;
        };
        return new RuleDetector("illustrative_gestures", NfblGroup.OTHER, false, 600, "speed", rule, reader,
                e -> String.format(Locale.ROOT, "%s gesturing in the air above the waist (%.2f shoulder widths/s on average) %s",
                        e.detail(), e.meanValue(), e.span()));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Path speed of a hand's centre over +-0.25 s, in shoulder widths per second, after a 3-sample moving
     * average (PoseNet jitters by a few hundredths of a shoulder width from frame to frame); NaN with fewer
     * than 3 positions in the window.
     */
    static double handSpeed(TrackView view, int i, BodyPart wrist) {
        double[] speeds = view.cached("speed:" + wrist, () -> {
            Point[] centres = smoothed(view, k -> {
                BodyGeometry g = view.g(k);
                return g == null ? null : g.hand(wrist).centre();
            });
            return pathSpeeds(view, centres, SPEED_WINDOW_MS);
        });
        return speeds[i];
    }

    /** Path speed of the vector between the two hands (hands moving against each other). */
    static double relativeHandSpeed(TrackView view, int i) {
        double[] speeds = view.cached("relativeSpeed", () -> {
            Point[] rel = smoothed(view, k -> {
                BodyGeometry g = view.g(k);
                return g == null || !g.left.seen() || !g.right.seen() ? null : g.left.centre().minus(g.right.centre());
            });
            return pathSpeeds(view, rel, 150);
        });
        return speeds[i];
    }

    private static Point[] smoothed(TrackView view, java.util.function.IntFunction<Point> at) {
        Point[] raw = new Point[view.size()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = at.apply(k);
        }
        Point[] out = new Point[raw.length];
        for (int k = 0; k < raw.length; k++) {
            if (raw[k] == null) {
                continue;
            }
            double x = 0;
            double y = 0;
            int n = 0;
            for (int j = Math.max(0, k - 1); j <= Math.min(raw.length - 1, k + 1); j++) {
                if (raw[j] != null) {
                    x += raw[j].x();
                    y += raw[j].y();
                    n++;
                }
            }
            out[k] = new Point(x / n, y / n);
        }
        return out;
    }

    private static double[] pathSpeeds(TrackView view, Point[] points, long halfWindowMs) {
        double[] speeds = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            BodyGeometry g = view.g(k);
            if (points[k] == null || g == null) {
                speeds[k] = Double.NaN;
                continue;
            }
            int[] w = view.window(k, halfWindowMs);
            double path = 0;
            long time = 0;
            int n = 0;
            for (int j = w[0]; j < w[1]; j++) {
                if (points[j] != null && points[j + 1] != null) {
                    path += points[j].distance(points[j + 1]);
                    time += view.t(j + 1) - view.t(j);
                    n++;
                }
            }
            speeds[k] = n < 1 || time == 0 ? Double.NaN : g.norm(path) / (time / 1000.0);
        }
        return speeds;
    }

    private static double[] series(TrackView view, java.util.function.ToDoubleFunction<BodyGeometry> f) {
        double[] out = new double[view.size()];
        for (int k = 0; k < out.length; k++) {
            BodyGeometry g = view.g(k);
            out[k] = g == null ? Double.NaN : f.applyAsDouble(g);
        }
        return out;
    }

    /** Median of the known values, NaN unless at least 10 of them span at least 2 s. */
    private static double baseline(TrackView view, double[] values) {
        List<Integer> known = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isNaN(values[k])) {
                known.add(k);
            }
        }
        if (known.size() < 10 || view.t(known.get(known.size() - 1)) - view.t(known.get(0)) < 2000) {
            return Double.NaN;
        }
        double[] sorted = known.stream().mapToDouble(k -> values[k]).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Point ear(BodyGeometry g) {
        boolean l = g.seen(BodyPart.LEFT_EAR);
        boolean r = g.seen(BodyPart.RIGHT_EAR);
        if (l && r) {
            return Point.mid(g.p(BodyPart.LEFT_EAR), g.p(BodyPart.RIGHT_EAR));
        }
        return l ? g.p(BodyPart.LEFT_EAR) : r ? g.p(BodyPart.RIGHT_EAR) : null;
    }

    private static double nearest(List<Point> points, Point target) {
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            best = Math.min(best, p.distance(target));
        }
        return best;
    }

    /** Higher level wins; on a tie the hand with the larger measure (speed). */
    private static boolean faster(Reading a, Reading b) {
        int ra = rank(a.level());
        int rb = rank(b.level());
        return ra != rb ? ra > rb : a.value() > b.value();
    }

    /** Higher level wins; on a tie the hand with the smaller measure (distance). */
    private static boolean stronger(Reading a, Reading b) {
        int ra = rank(a.level());
        int rb = rank(b.level());
        if (ra != rb) {
            return ra > rb;
        }
        return a.value() < b.value();
    }

    private static int rank(Level level) {
        return switch (level) {
            case ON -> 3;
            case HOLD -> 2;
            case OFF -> 1;
            case UNKNOWN -> 0;
        };
    }

    private static boolean isActive(Level level) {
        return level == Level.ON || level == Level.HOLD;
    }

    private static boolean between(double v, double lo, double hi) {
        return v >= lo && v <= hi;
    }

    static String handName(BodyPart wrist) {
        return wrist == BodyPart.LEFT_WRIST ? "left hand" : "right hand";
    }
}
