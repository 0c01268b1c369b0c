package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.encoder.body.NfblGroup;
import io.affectra.encoder.body.gesture.BodyGeometry.HandView;
import io.affectra.media.geometry.Point;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands on the head, face and neck: one contact detector per head region (touching the head, the forehead,
 * an eye, ...), playing with hair (a moving hand beside the head) and covering the face (both hands on it).
 */
final class HeadContacts {

    private HeadContacts() {
    }

    static List<RuleDetector> all() {
        List<RuleDetector> all = new ArrayList<>();
        for (Contact c : Contact.ALL) {
            all.add(contact(c));
        }
        all.add(hair(Hair.DEFAULT));
        all.add(coveringFace(CoveringFace.DEFAULT));
        return all;
    }

    /** One hand's nearest head region and its distance to every region, in shoulder widths. */
    record HandContact(HandView hand, FaceRegion best, double bestRatio, Map<FaceRegion, Double> distance) {
    }

    /** Each seen hand's contact with the head in sample i (none when the head is not placed), cached per track. */
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

    // ---------------------------------------------------------------- one region

    /**
     * A hand on one head region: its radii are the region's own ({@link FaceRegion#enter}, {@link FaceRegion#exit}).
     *
     * @param where          the region in words, for the rule and the evidence
     * @param maxStartSpeed  the hand must move slower than this to start an episode (shoulder widths/s), or null
     */
    record Contact(String name, FaceRegion region, String where, NfblGroup group, Double maxStartSpeed, long minMs) {

        static final long MIN_MS = 400;

        static final List<Contact> ALL = List.of(
                touching("touching_head", FaceRegion.HEAD, "the top or side of the head"),
                touching("touching_forehead", FaceRegion.FOREHEAD, "the forehead"),
                touching("rubbing_eyes", FaceRegion.EYE, "an eye"),
                touching("touching_face", FaceRegion.FACE, "the nose or a cheek"),
                touching("biting_nails", FaceRegion.MOUTH, "the mouth"),
                touching("touching_jaw", FaceRegion.JAW, "the jaw or chin"),
                // A moving hand at the ear is playing with hair.
                new Contact("touching_ears", FaceRegion.EAR, "an ear", NfblGroup.SELF_MANIPULATION, HandMotion.MOVING, MIN_MS),
                touching("touching_neck", FaceRegion.NECK, "the neck"),
                new Contact("touching_suprasternal_notch", FaceRegion.NOTCH,
                        "the suprasternal notch (the dip at the base of the neck)", NfblGroup.SELF_PROTECTION, null, MIN_MS));

        private static Contact touching(String name, FaceRegion region, String where) {
            return new Contact(name, region, where, NfblGroup.SELF_MANIPULATION, null, MIN_MS);
        }

        String rule() {
            return Prose.format("A hand point (fingertips and palm centre from hand landmarks, else the wrist and %s/%s forearm"
                    + " lengths past it) within %.2f shoulder widths of %s, %s being the hand's nearest head region; held while"
                    + " within %.2f; at least %d ms.%s",
                    Prose.num(BodyGeometry.PALM_PAST_WRIST), Prose.num(BodyGeometry.FINGERS_PAST_WRIST), region.enter, where,
                    where, region.exit, minMs, maxStartSpeed == null ? "" : Prose.format(
                            " Starts only while the hand moves slower than %.1f shoulder widths/s (a moving hand there is"
                                    + " playing with hair).", maxStartSpeed));
        }
    }

    private static RuleDetector contact(Contact c) {
        FaceRegion region = c.region();
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
            for (HandContact h : hands) {
                double d = h.distance().get(region);
                Level level = h.best() == region && h.bestRatio() <= 1 ? Level.ON : d <= region.exit ? Level.HOLD : Level.OFF;
                if (level == Level.ON && c.maxStartSpeed() != null) {
                    double speed = HandMotion.handSpeed(view, i, h.hand().wrist());
                    if (!(speed <= c.maxStartSpeed())) {
                        level = Level.HOLD;
                    }
                }
                Reading r = new Reading(level, d, Math.min(h.hand().confidence(), g.headConfidence), h.hand().name());
                if (best == null || r.closerThan(best)) {
                    best = r;
                }
            }
            return best;
        };
        return new RuleDetector(c.name(), c.group(), false, c.minMs(), "distance", c.rule(), reader,
                e -> Prose.format("%s at %s (%.2f shoulder widths at the closest) %s", e.detail(), c.where(), e.valueMin,
                        e.span()));
    }

    // ---------------------------------------------------------------- hair

    /** playing_with_hair: the hand's path speed (shoulder widths/s) beside the head or at an ear. */
    record Hair(Band speed, long minMs) {

        static final Hair DEFAULT = new Hair(new Band(HandMotion.MOVING, 0.2), 600);

        /** Where an episode starts: the hand's nearest region is one of these. */
        static final Set<FaceRegion> REGIONS = Set.of(FaceRegion.HAIR, FaceRegion.EAR);
        /** Where it goes on: within the exit radius of any of these. */
        static final Set<FaceRegion> HOLD_REGIONS = Set.of(FaceRegion.HAIR, FaceRegion.EAR, FaceRegion.HEAD);

        String rule() {
            return Prose.format("A hand whose nearest head region is beside the head (hair: just outside an ear, above or below"
                    + " it) or an ear, and which moves: path speed of the hand centre over +-%s s at least %s shoulder widths/s;"
                    + " held at %s while within the exit radius of those regions or of the top of the head; at least %s."
                    + " Hair versus scalp cannot be told apart in 2D: a still hand there is touching_ears, a hand on top of the"
                    + " head is touching_head.", Prose.seconds(HandMotion.SPEED_WINDOW_MS), Prose.num(speed.on()),
                    Prose.num(speed.hold()), Prose.duration(minMs));
        }
    }

    private static RuleDetector hair(Hair t) {
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
                double d = Hair.REGIONS.stream().mapToDouble(r -> c.distance().get(r)).min().orElse(Double.POSITIVE_INFINITY);
                boolean near = Hair.REGIONS.contains(c.best()) && c.bestRatio() <= 1;
                boolean nearHold = Hair.HOLD_REGIONS.stream().anyMatch(r -> c.distance().get(r) <= r.exit);
                double speed = HandMotion.handSpeed(view, i, c.hand().wrist());
                Reading r;
                if (Double.isNaN(speed)) {
                    r = near ? Reading.UNKNOWN : Reading.off(d);
                } else {
                    Level level = near && speed >= t.speed().on() ? Level.ON
                            : nearHold && speed >= t.speed().hold() ? Level.HOLD : Level.OFF;
                    r = new Reading(level, speed, Math.min(c.hand().confidence(), g.headConfidence), c.hand().name());
                }
                if (best == null || r.fasterThan(best)) {
                    best = r;
                }
            }
            return best;
        };
        return new RuleDetector("playing_with_hair", NfblGroup.SELF_MANIPULATION, false, t.minMs(), "speed", t.rule(), reader,
                e -> Prose.format("%s moving beside the head (%.2f shoulder widths/s on average) %s", e.detail(),
                        e.meanValue(), e.span()));
    }

    // ---------------------------------------------------------------- covering the face

    /**
     * covering_face: distances from the face centre in shoulder widths, of the farther of both hands or, while
     * the face is hidden, of one hand.
     */
    record CoveringFace(Band bothHands, Band oneHand, double oneHandConfidence, long minMs) {

        static final CoveringFace DEFAULT = new CoveringFace(new Band(0.18, 0.25), new Band(0.15, 0.22), 0.8, 500);

        String rule() {
            return Prose.format("Both hands (any hand point) within %s shoulder widths of the face centre (nose, or where it"
                    + " should be), held within %s; or one hand within %s (held %s) while the nose and both eyes are"
                    + " hidden (score < %s); at least %s.", Prose.num(bothHands.on()), Prose.num(bothHands.hold()),
                    Prose.num(oneHand.on()), Prose.num(oneHand.hold()), Prose.num(BodyGeometry.SEEN), Prose.duration(minMs));
        }
    }

    private static RuleDetector coveringFace(CoveringFace t) {
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
                Level level = t.bothHands().atMost(worst);
                if (level.active()) {
                    return new Reading(level, worst,
                            Math.min(g.headConfidence, Math.min(g.left.confidence(), g.right.confidence())), "both hands");
                }
            }
            boolean hidden = g.score(BodyPart.NOSE) < BodyGeometry.SEEN && g.score(BodyPart.LEFT_EYE) < BodyGeometry.SEEN
                    && g.score(BodyPart.RIGHT_EYE) < BodyGeometry.SEEN;
            double one = Double.isNaN(dl) ? dr : Double.isNaN(dr) ? dl : Math.min(dl, dr);
            Level level = t.oneHand().atMost(one);
            if (hidden && level.active()) {
                return new Reading(level, one, t.oneHandConfidence() * conf, "one hand over the hidden face");
            }
            return Reading.off(one);
        };
        return new RuleDetector("covering_face", NfblGroup.SELF_PROTECTION, false, t.minMs(), "distance", t.rule(), reader,
                e -> Prose.format("%s over the face (%.2f shoulder widths from its centre) %s", e.detail(), e.valueMin,
                        e.span()));
    }

    private static double nearest(List<Point> points, Point target) {
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            best = Math.min(best, p.distance(target));
        }
        return best;
    }
}
