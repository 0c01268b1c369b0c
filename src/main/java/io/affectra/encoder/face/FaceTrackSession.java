package io.affectra.encoder.face;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.FrameCueSession;
import io.affectra.media.DecodedImage;
import io.affectra.media.MediaKind;
import io.affectra.media.VideoFrame;
import io.affectra.media.geometry.ImageSampler;
import io.affectra.vocabulary.LabelSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faces over time: the image pipeline on each sampled frame (the detectors on every n-th, on the first, after a shot
 * change and when a face is lost; in between each face is followed by its mesh), faces linked into tracks by box overlap
 * (or a centre within half a face of the last position, for fast moves), and per window the mean
 * expression and salient action units of each track. Track ids (F1, F2, ...) follow first appearance.
 */
public final class FaceTrackSession implements FrameCueSession {

    /** A track not seen for this long is closed; a face reappearing later gets a new id. */
    static final long TRACK_GAP_MS = 2_000;
    static final double MIN_IOU = 0.2;

    private final FaceAnalyzer analyzer;
    private final FaceOptions options;
    private final int detectEveryNthFrame;
    /** The faces of the previous frame, to follow on frames without detection. */
    private List<FollowedFace> followed = List.of();
    private int framesSinceDetection;
    private int frameIndex;
    private final Observer observer;
    private final List<Track> tracks = new ArrayList<>();
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private int nextId = 1;

    /** What each frame came to: whether the detectors ran, and the faces found (for tests; nothing is kept). */
    interface Observer {
        Observer NONE = (index, detected, faces) -> { };

        void frame(int index, boolean detected, List<FaceReport> faces);
    }

    FaceTrackSession(FaceAnalyzer analyzer, FaceOptions options, int detectEveryNthFrame) {
        this(analyzer, options, detectEveryNthFrame, Observer.NONE);
    }

    FaceTrackSession(FaceAnalyzer analyzer, FaceOptions options, int detectEveryNthFrame, Observer observer) {
        this.observer = observer;
        this.analyzer = analyzer;
        this.options = options;
        this.detectEveryNthFrame = Math.max(1, detectEveryNthFrame);
    }

    private static final class Track {
        final String id;
        final long firstSeen;
        long lastSeen;
        Region box;
        int frames;
        final double[] totalProbs = new double[LabelSet.CANONICAL.size()];
        // Per window:
        int windowFrames;
        long windowFirst = -1;
        long windowLast;
        final double[] probs = new double[LabelSet.CANONICAL.size()];
        final Map<String, Double> units = new LinkedHashMap<>();

        Track(String id, long t, Region box) {
            this.id = id;
            this.firstSeen = t;
            this.lastSeen = t;
            this.box = box;
        }
    }

    /** Mean absolute change of a 32x18 grey thumbnail (0-255) above which two frames belong to different shots. */
    static final double SHOT_CHANGE = 30;
    private float[] previousThumb;

    @Override
    public void accept(VideoFrame frame) {
        boolean cut = shotChanged(frame);
        if (cut) {
            // Faces in the same place after a cut are other people: no track continues across it.
            tracks.forEach(t -> t.lastSeen = Long.MIN_VALUE / 2);
        }
        DecodedImage image = new DecodedImage(MediaKind.MP4, frame.image().width(), frame.image().height(), frame.image(), 1.0);
        FaceFrame faces = faces(image, cut);
        observer.frame(frameIndex, framesSinceDetection == 0, faces.analysis().faces());
        frameIndex++;
        followed = faces.next();
        FaceAnalysis analysis = faces.analysis();
        List<Track> matched = new ArrayList<>();
        for (FaceReport face : analysis.faces()) {
            Track track = match(face.box(), frame.timestampMs(), matched);
            if (track == null) {
                track = new Track("F" + nextId++, frame.timestampMs(), face.box());
                tracks.add(track);
            }
            matched.add(track);
            track.lastSeen = frame.timestampMs();
            track.box = face.box();
            track.frames++;
            track.windowFrames++;
            if (track.windowFirst < 0) {
                track.windowFirst = frame.timestampMs();
            }
            track.windowLast = frame.timestampMs();
            List<String> labels = LabelSet.CANONICAL.labels();
            for (int i = 0; i < labels.size(); i++) {
                double p = face.expression().probabilities().getOrDefault(labels.get(i), 0.0);
                track.probs[i] += p;
                track.totalProbs[i] += p;
            }
            for (ActionUnit unit : face.actionUnits()) {
                track.units.merge(unit.name(), unit.intensity(), Double::sum);
            }
        }
    }

    /** The detectors when due, else each face followed from the previous frame (and the detectors after all if one was lost). */
    private FaceFrame faces(DecodedImage image, boolean cut) {
        boolean due = frameIndex == 0 || cut || framesSinceDetection + 1 >= detectEveryNthFrame;
        if (!due) {
            FaceFrame carried = analyzer.follow(image, followed, options);
            addTimings(carried.analysis());
            if (!carried.lost()) {
                framesSinceDetection++;
                return carried;
            }
        }
        FaceFrame detected = analyzer.detect(image, options);
        addTimings(detected.analysis());
        framesSinceDetection = 0;
        return detected;
    }

    private void addTimings(FaceAnalysis analysis) {
        analysis.timings().forEach((k, v) -> timings.merge("face." + k, v, Double::sum));
    }

    private boolean shotChanged(VideoFrame frame) {
        var img = frame.image();
        float[] thumb = ImageSampler.gray(img, 0, 0, img.width(), img.height(), 32, 18, 255f, 0f);
        boolean changed = false;
        if (previousThumb != null) {
            double diff = 0;
            for (int i = 0; i < thumb.length; i++) {
                diff += Math.abs(thumb[i] - previousThumb[i]);
            }
            changed = diff / thumb.length > SHOT_CHANGE;
        }
        previousThumb = thumb;
        return changed;
    }

    private Track match(Region box, long t, List<Track> taken) {
        Track best = null;
        double bestScore = 0;
        for (Track track : tracks) {
            if (taken.contains(track) || t - track.lastSeen > TRACK_GAP_MS) {
                continue;
            }
            double iou = track.box.iou(box);
            double distance = Math.hypot(track.box.centerX() - box.centerX(), track.box.centerY() - box.centerY());
            double near = distance < 0.5 * Math.max(track.box.width(), box.width()) ? 0.21 : 0;
            double score = Math.max(iou, near);
            if (score >= MIN_IOU && score > bestScore) {
                best = track;
                bestScore = score;
            }
        }
        return best;
    }

    @Override
    public List<Cue> closeWindow(TimeSpan window, String prefix) {
        List<Cue> cues = new ArrayList<>();
        List<String> labels = LabelSet.CANONICAL.labels();
        for (Track track : tracks) {
            if (track.windowFrames == 0) {
                continue;
            }
            Map<String, Double> mean = new LinkedHashMap<>();
            int top = 0;
            for (int i = 0; i < labels.size(); i++) {
                mean.put(labels.get(i), round(track.probs[i] / track.windowFrames));
                if (track.probs[i] > track.probs[top]) {
                    top = i;
                }
            }
            TimeSpan span = new TimeSpan(track.windowFirst, track.windowLast);
            cues.add(new Cue(prefix + track.id + ".expr", Modality.FACE, "emotion+face_expression", track.id, CueType.EXPRESSION,
                    labels.get(top), mean.get(labels.get(top)), track.box, span, mean));
            for (Map.Entry<String, Double> unit : track.units.entrySet()) {
                double intensity = unit.getValue() / track.windowFrames;
                if (intensity >= FaceCues.SALIENT_AU) {
                    cues.add(new Cue(prefix + track.id + ".au." + unit.getKey(), Modality.FACE, "facemesh-geometry", track.id,
                            CueType.ACTION_UNIT, unit.getKey(), round(intensity), track.box, span, Map.of()));
                }
            }
            track.windowFrames = 0;
            track.windowFirst = -1;
            java.util.Arrays.fill(track.probs, 0);
            track.units.clear();
        }
        return cues;
    }

    /** Every face followed so far, with its mean expression over the whole video. */
    public List<FaceTrack> tracks() {
        List<FaceTrack> out = new ArrayList<>();
        List<String> labels = LabelSet.CANONICAL.labels();
        for (Track t : tracks) {
            Map<String, Double> mean = new LinkedHashMap<>();
            int top = 0;
            for (int i = 0; i < labels.size(); i++) {
                mean.put(labels.get(i), round(t.totalProbs[i] / Math.max(1, t.frames)));
                if (t.totalProbs[i] > t.totalProbs[top]) {
                    top = i;
                }
            }
            out.add(new FaceTrack(t.id, t.firstSeen, t.lastSeen, t.frames, t.box, labels.get(top), mean));
        }
        return out;
    }

    @Override
    public Map<String, Double> timings() {
        return timings;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
