package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.encoder.body.Hand;
import io.affectra.encoder.body.HandLandmarks;
import io.affectra.encoder.body.KeypointTrack;
import io.affectra.encoder.body.Pose;
import io.affectra.media.geometry.Point;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the gesture rules measure on one sample: a scale (the shoulder width), a body frame, head and neck
 * contact anchors and each hand's contact points. Everything downstream is in shoulder widths, so rules
 * hold at any distance from the camera.
 *
 * <ul>
 * <li><b>Scale</b>: this frame's shoulder width, unless the shoulders are unseen or foreshortened below
 *     0.6 of the track's median (the person turned sideways): then the track's median.</li>
 * <li><b>Body frame</b>: origin the middle of the shoulders, the image's axes (people are upright),
 *     {@code across} pointing to the person's left (image right for a frontal person, mirrored for one
 *     seen from behind), {@code down} down the image. The head has its own axes, turned by the eye line's
 *     roll when that is within 30 degrees.</li>
 * <li><b>Head</b>: the eye line's middle (from the eyes, else estimated from the nose, the ears, or the
 *     shoulders); face anchors sit along {@code down} in head units: the person's own eye-line-to-nose drop
 *     when it lies within 0.6-1.8 x 0.12 shoulder widths, else 0.12 shoulder widths (adult proportions:
 *     eye line to nose tip about 4.5 cm, shoulders about 38 cm).</li>
 * <li><b>Hands</b>: with hand landmarks, the five fingertips and the palm centre; without, the wrist and two
 *     points past it along the forearm (palm and fingers of a straight wrist: {@link #PALM_PAST_WRIST} and
 *     {@link #FINGERS_PAST_WRIST} forearm lengths).</li>
 * </ul>
 */
final class BodyGeometry {

    /** Head unit: eye line to nose tip, in shoulder widths. */
    static final double HEAD_UNIT = 0.12;
    /** Keypoints below this score are not used. */
    static final double SEEN = Pose.VISIBLE;
    /** Eye-line rolls beyond this are not believed (near-profile eye keypoints) and the head is taken as upright. */
    static final double MAX_HEAD_ROLL_DEGREES = 30;
    /** Without hand landmarks, the palm and the fingers of a straight wrist, in forearm lengths past the wrist. */
    static final double PALM_PAST_WRIST = 0.3;
    static final double FINGERS_PAST_WRIST = 0.55;

    /** One hand's contact points. */
    record HandView(BodyPart wrist, boolean seen, List<Point> contacts, List<Point> tips, Point centre, double confidence,
            Hand hand) {

        /** "left hand" or "right hand", for evidence text. */
        String name() {
            return wrist == BodyPart.LEFT_WRIST ? "left hand" : "right hand";
        }
    }

    final KeypointTrack.Sample sample;
    final Pose pose;
    final double scale;
    final Point shoulderMid;
    final Point across;
    final Point down;
    /** The head's own axes: {@link #down} turned by the eye line's roll (up to 30 degrees). */
    final Point headAcross;
    final Point headDown;
    final Point eyeMid;
    final double headConfidence;
    /** Eye line to nose tip in pixels: the unit of the face anchors. */
    final double headUnit;
    final HandView left;
    final HandView right;
    final Map<FaceRegion, List<Point>> anchors = new EnumMap<>(FaceRegion.class);

    private BodyGeometry(KeypointTrack.Sample sample, double scale) {
        this.sample = sample;
        this.pose = sample.pose();
        this.scale = scale;
        Point ls = seen(BodyPart.LEFT_SHOULDER) ? p(BodyPart.LEFT_SHOULDER) : null;
        Point rs = seen(BodyPart.RIGHT_SHOULDER) ? p(BodyPart.RIGHT_SHOULDER) : null;
        this.shoulderMid = ls != null && rs != null ? Point.mid(ls, rs) : null;
        // The body frame is the image's own axes (people sit or stand upright), mirrored when the person faces
        // away. The shoulder line's tilt is not followed: in interviews it mostly shows leaning and perspective,
        // and following it made arms hanging straight down look like elbows stuck out.
        double sign;
        if (ls != null && rs != null) {
            sign = ls.x() >= rs.x() ? 1 : -1;
        } else if (seen(BodyPart.LEFT_EYE) && seen(BodyPart.RIGHT_EYE)) {
            sign = p(BodyPart.LEFT_EYE).x() >= p(BodyPart.RIGHT_EYE).x() ? 1 : -1;
        } else {
            sign = 1;
        }
        this.across = new Point(sign, 0);
        this.down = new Point(0, 1);
        // The head keeps its own roll: a head tilted sideways moves the mouth and chin with it.
        Point hd = down;
        if (seen(BodyPart.LEFT_EYE) && seen(BodyPart.RIGHT_EYE)) {
            Point eyeLine = p(BodyPart.LEFT_EYE).minus(p(BodyPart.RIGHT_EYE)).times(sign).unit();
            Point perpendicular = new Point(-eyeLine.y(), eyeLine.x());
            if (perpendicular.y() >= Math.cos(Math.toRadians(MAX_HEAD_ROLL_DEGREES))) {
                hd = perpendicular;
            }
        }
        this.headDown = hd;
        this.headAcross = new Point(hd.y(), -hd.x()).times(sign);
        double h = HEAD_UNIT * scale;
        if (seen(BodyPart.LEFT_EYE) && seen(BodyPart.RIGHT_EYE) && seen(BodyPart.NOSE)) {
            // The person's own eye-to-nose drop, when plausible: it follows head pitch and a body turned
            // sideways (which shortens the shoulders but not the face).
            double measured = p(BodyPart.NOSE).minus(Point.mid(p(BodyPart.LEFT_EYE), p(BodyPart.RIGHT_EYE))).dot(headDown);
            if (measured >= 0.6 * h && measured <= 1.8 * h) {
                h = measured;
            }
        }
        this.headUnit = h;
        Point eyes = null;
        double conf = 0;
        if (seen(BodyPart.LEFT_EYE) && seen(BodyPart.RIGHT_EYE)) {
            eyes = Point.mid(p(BodyPart.LEFT_EYE), p(BodyPart.RIGHT_EYE));
            conf = Math.min(score(BodyPart.LEFT_EYE), score(BodyPart.RIGHT_EYE));
        } else if (seen(BodyPart.NOSE)) {
            eyes = p(BodyPart.NOSE).minus(headDown.times(h));
            conf = score(BodyPart.NOSE) * 0.8;
        } else if (seen(BodyPart.LEFT_EAR) && seen(BodyPart.RIGHT_EAR)) {
            eyes = Point.mid(p(BodyPart.LEFT_EAR), p(BodyPart.RIGHT_EAR)).minus(headDown.times(0.3 * h));
            conf = Math.min(score(BodyPart.LEFT_EAR), score(BodyPart.RIGHT_EAR)) * 0.7;
        } else if (shoulderMid != null) {
            eyes = shoulderMid.minus(down.times(0.7 * scale));
            conf = 0.4;
        }
        this.eyeMid = eyes;
        this.headConfidence = conf;
        if (eyes != null) {
            placeAnchors(eyes, h);
        }
        this.left = hand(BodyPart.LEFT_WRIST, BodyPart.LEFT_ELBOW);
        this.right = hand(BodyPart.RIGHT_WRIST, BodyPart.RIGHT_ELBOW);
    }

    /** The sample's geometry, or null when no scale is known (no shoulders in this frame or the track). */
    static BodyGeometry of(KeypointTrack.Sample sample, double trackShoulderWidth) {
        double own = sample.pose().shoulderWidth();
        double scale = own > 0 && (trackShoulderWidth <= 0 || own >= 0.6 * trackShoulderWidth) ? own : trackShoulderWidth;
        return scale > 0 ? new BodyGeometry(sample, scale) : null;
    }

    private void placeAnchors(Point e, double h) {
        Point earL = seen(BodyPart.LEFT_EAR) ? p(BodyPart.LEFT_EAR) : e.plus(headAcross.times(0.2 * scale)).plus(headDown.times(0.3 * h));
        Point earR = seen(BodyPart.RIGHT_EAR) ? p(BodyPart.RIGHT_EAR) : e.minus(headAcross.times(0.2 * scale)).plus(headDown.times(0.3 * h));
        Point eyeL = seen(BodyPart.LEFT_EYE) ? p(BodyPart.LEFT_EYE) : e.plus(headAcross.times(0.09 * scale));
        Point eyeR = seen(BodyPart.RIGHT_EYE) ? p(BodyPart.RIGHT_EYE) : e.minus(headAcross.times(0.09 * scale));
        Point nose = seen(BodyPart.NOSE) ? p(BodyPart.NOSE) : e.plus(headDown.times(h));
        Point chin = e.plus(headDown.times(2.5 * h));
        anchors.put(FaceRegion.HEAD, List.of(e.minus(headDown.times(2.2 * h)),
                Point.mid(eyeL, earL).minus(headDown.times(0.6 * h)), Point.mid(eyeR, earR).minus(headDown.times(0.6 * h))));
        anchors.put(FaceRegion.FOREHEAD, List.of(e.minus(headDown.times(0.9 * h))));
        anchors.put(FaceRegion.EYE, List.of(eyeL, eyeR));
        anchors.put(FaceRegion.FACE, List.of(nose, eyeL.plus(headDown.times(h)), eyeR.plus(headDown.times(h))));
        anchors.put(FaceRegion.MOUTH, List.of(e.plus(headDown.times(1.55 * h))));
        anchors.put(FaceRegion.JAW, List.of(chin, Point.mid(chin, earL), Point.mid(chin, earR)));
        anchors.put(FaceRegion.EAR, List.of(earL, earR));
        anchors.put(FaceRegion.HAIR, List.of(earL.plus(headAcross.times(0.1 * scale)).minus(headDown.times(0.6 * h)),
                earL.plus(headAcross.times(0.08 * scale)).plus(headDown.times(1.8 * h)),
                earR.minus(headAcross.times(0.1 * scale)).minus(headDown.times(0.6 * h)),
                earR.minus(headAcross.times(0.08 * scale)).plus(headDown.times(1.8 * h))));
        anchors.put(FaceRegion.NECK, List.of(shoulderMid != null ? Point.mid(chin, shoulderMid) : chin.plus(headDown.times(1.3 * h))));
        if (shoulderMid != null) {
            anchors.put(FaceRegion.NOTCH, List.of(shoulderMid));
        }
    }

    private HandView hand(BodyPart wrist, BodyPart elbow) {
        Hand found = sample.hand(wrist).orElse(null);
        if (found != null) {
            List<Point> tips = new ArrayList<>();
            for (int i : HandLandmarks.TIPS) {
                tips.add(found.landmark(i).point());
            }
            Point centre = found.palmCentre().point();
            List<Point> contacts = new ArrayList<>(tips);
            contacts.add(centre);
            return new HandView(wrist, true, contacts, tips, centre, found.presence(), found);
        }
        if (!seen(wrist)) {
            return new HandView(wrist, false, List.of(), List.of(), null, 0, null);
        }
        Point w = p(wrist);
        if (!seen(elbow)) {
            return new HandView(wrist, true, List.of(w), List.of(w), w, 0.8 * score(wrist), null);
        }
        Point forearm = w.minus(p(elbow));
        Point palm = w.plus(forearm.times(PALM_PAST_WRIST));
        Point fingers = w.plus(forearm.times(FINGERS_PAST_WRIST));
        return new HandView(wrist, true, List.of(w, palm, fingers), List.of(fingers), palm,
                0.8 * Math.min(score(wrist), score(elbow)), null);
    }

    HandView hand(BodyPart wrist) {
        return wrist == BodyPart.LEFT_WRIST ? left : right;
    }

    List<HandView> hands() {
        return List.of(left, right);
    }

    boolean hasTorso() {
        return shoulderMid != null;
    }

    boolean hasHead() {
        return eyeMid != null;
    }

    /** A point in the body frame, in shoulder widths: x toward the person's left, y down from the shoulder line. */
    Point body(Point point) {
        Point r = point.minus(shoulderMid);
        return new Point(r.dot(across) / scale, r.dot(down) / scale);
    }

    /** Height of a point above the shoulder line, in shoulder widths. */
    double heightAboveShoulders(Point point) {
        return -point.minus(shoulderMid).dot(down) / scale;
    }

    double norm(double pixels) {
        return pixels / scale;
    }

    /** Smallest distance, in shoulder widths, between any of the points and any anchor of the region; infinite if none. */
    double distance(List<Point> points, FaceRegion region) {
        List<Point> targets = anchors.get(region);
        if (targets == null || points.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            for (Point t : targets) {
                best = Math.min(best, p.distance(t));
            }
        }
        return best / scale;
    }

    boolean seen(BodyPart part) {
        return pose.keypoint(part).score() >= SEEN;
    }

    double score(BodyPart part) {
        return pose.keypoint(part).score();
    }

    Point p(BodyPart part) {
        return pose.keypoint(part).point();
    }
}
