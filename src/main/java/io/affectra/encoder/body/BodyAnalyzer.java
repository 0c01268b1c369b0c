package io.affectra.encoder.body;

import io.affectra.encoder.EncodersConfig;
import io.affectra.encoder.ModelRepository;
import io.affectra.encoder.PredictorPool;
import io.affectra.media.RgbImage;
import io.affectra.media.geometry.ImageWindow;
import io.affectra.timing.StageClock;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body pipeline on one frame: PoseNet on the whole frame letterboxed to a square (multi-person
 * decoding), then the hand-landmark model on a crop past each seen wrist (turned so the forearm points
 * up). Thread-safe: predictors come from pools. Person ids are a {@link PersonTracker}'s job: pass one to
 * {@link #analyze(RgbImage, long, PersonTracker)} per video.
 */
@Startup
@ApplicationScoped
public class BodyAnalyzer {

    private static final BodyPart[] WRISTS = {BodyPart.LEFT_WRIST, BodyPart.RIGHT_WRIST};

    private final BodyConfig settings;
    private final PredictorPool<ImageWindow, List<Pose>> posenet;
    private final PredictorPool<ImageWindow, HandLandmarks> handLandmarks;
    private final String version;

    public BodyAnalyzer(ModelRepository models, EncodersConfig config) {
        this.settings = config.body();
        if (settings.enabled()) {
            this.posenet = models.load("posenet").pool(new PoseNetTranslator(settings.maxPeople(), settings.minPartScore(),
                    settings.minPoseScore(), settings.nmsRadius()));
            this.handLandmarks = settings.hands() ? models.load("handlandmark-lite").pool(new HandLandmarkTranslator()) : null;
        } else {
            this.posenet = null;
            this.handLandmarks = null;
        }
        this.version = enabled() ? models.version(poolNames()) : "off";
    }

    /** The models this analyser runs, as {@link ModelRepository#version} names them; {@code off} when disabled. */
    public String version() {
        return version;
    }

    /** A session that follows people and their gestures through the sampled frames of one video. */
    public BodyTrackSession openVideoSession() {
        return new BodyTrackSession(this);
    }

    public boolean enabled() {
        return posenet != null;
    }

    /** Poses and hands of everyone in the frame; ids are null (see {@link PersonTracker}). Timings: pose, hands. */
    public BodyFrame analyze(RgbImage image, long timestampMs) {
        return analyze(image, timestampMs, true);
    }

    /** @param withHands whether the hand model runs (else the people have no hands, for the caller to fill in) */
    BodyFrame analyze(RgbImage image, long timestampMs, boolean withHands) {
        return analyze(image, timestampMs, poses(image), withHands);
    }

    /** The poses PoseNet finds on a frame, and how long it took: a pass over the whole frame that reads no other state. */
    record FramePoses(List<Pose> poses, double ms) {
    }

    FramePoses poses(RgbImage image) {
        StageClock clock = new StageClock();
        List<Pose> poses = posenet == null ? List.of() : posenet.predict(ImageWindow.letterbox(image));
        clock.lap("pose");
        return new FramePoses(poses, clock.laps().get("pose"));
    }

    private BodyFrame analyze(RgbImage image, long timestampMs, FramePoses found, boolean withHands) {
        StageClock clock = new StageClock();
        List<PersonPose> people = new ArrayList<>(found.poses().size());
        for (Pose pose : found.poses()) {
            people.add(new PersonPose(null, pose, withHands ? hands(image, pose) : List.of()));
        }
        clock.lap("hands");
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("pose", found.ms());
        timings.putAll(clock.laps());
        return new BodyFrame(timestampMs, image.width(), image.height(), people, timings);
    }

    /** As {@link #analyze(RgbImage, long)}, then ids from the video's tracker; timings add {@code tracking}. */
    public BodyFrame analyze(RgbImage image, long timestampMs, PersonTracker tracker) {
        return analyze(image, timestampMs, poses(image), tracker, true);
    }

    /** As {@link #analyze(RgbImage, long, PersonTracker)} with the frame's poses already found ({@link #poses}). */
    BodyFrame analyze(RgbImage image, long timestampMs, FramePoses found, PersonTracker tracker, boolean withHands) {
        BodyFrame frame = analyze(image, timestampMs, found, withHands);
        long start = System.nanoTime();
        BodyFrame tracked = tracker.update(frame);
        Map<String, Double> timings = new LinkedHashMap<>(frame.timings());
        timings.put("tracking", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
        return tracked.with(tracked.people(), timings);
    }

    private List<Hand> hands(RgbImage image, Pose pose) {
        if (handLandmarks == null) {
            return List.of();
        }
        List<Hand> hands = new ArrayList<>(2);
        for (BodyPart wrist : WRISTS) {
            Optional<ImageWindow> crop = HandRegion.of(image, pose, wrist);
            if (crop.isPresent()) {
                HandLandmarks found = handLandmarks.predict(crop.get());
                if (found.presence() >= settings.minHandPresence()) {
                    hands.add(Hand.of(wrist, found));
                }
            }
        }
        return hands;
    }

    /** {@code affectra.encoders.body.hands-every-nth-frame}, at least 1. */
    int handsEveryNthFrame() {
        return Math.max(1, settings.handsEveryNthFrame());
    }

    public List<String> poolNames() {
        List<String> names = new ArrayList<>();
        if (posenet != null) {
            names.add(posenet.name());
        }
        if (handLandmarks != null) {
            names.add(handLandmarks.name());
        }
        return names;
    }

    @PreDestroy
    void close() {
        if (posenet != null) {
            posenet.close();
        }
        if (handLandmarks != null) {
            handLandmarks.close();
        }
    }
}
