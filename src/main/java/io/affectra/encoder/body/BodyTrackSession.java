package io.affectra.encoder.body;

import io.affectra.cue.Cue;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.StagedFrameSession;
import io.affectra.media.VideoFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body language over time: pose on each sampled frame and hands on every n-th (carried with the wrists between), people tracked across frames (P1, P2, ...
 * stable for the whole video), and at the end of each window the micro-gesture and posture detectors
 * over that window's keypoint tracks. Only keypoints are kept, and only for the current window.
 */
public final class BodyTrackSession implements StagedFrameSession<BodyAnalyzer.FramePoses> {

    private final BodyAnalyzer analyzer;
    private final PersonTracker tracker = new PersonTracker();
    private final List<BodyFrame> window = new ArrayList<>();
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final List<GestureEvent> events = new ArrayList<>();
    private final HandCarry handCarry = new HandCarry();
    private int frameIndex;

    BodyTrackSession(BodyAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** PoseNet on the frame: reads no session state, so it may run beside the work on earlier frames. */
    @Override
    public BodyAnalyzer.FramePoses prepare(VideoFrame frame) {
        return analyzer.poses(frame.image());
    }

    /** Hands (on every n-th frame), person ids and the window's keypoints, in frame order. */
    @Override
    public void accept(VideoFrame frame, BodyAnalyzer.FramePoses poses) {
        boolean withHands = frameIndex++ % analyzer.handsEveryNthFrame() == 0;
        BodyFrame body = analyzer.analyze(frame.image(), frame.timestampMs(), poses, tracker, withHands);
        if (withHands) {
            handCarry.measured(body);
        } else {
            body = handCarry.carried(body);
        }
        body.timings().forEach((k, v) -> timings.merge("body." + k, v, Double::sum));
        window.add(body);
    }

    @Override
    public List<Cue> closeWindow(TimeSpan span, String prefix) {
        if (window.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        List<KeypointTrack> tracks = KeypointTrack.of(window);
        List<GestureEvent> found = GestureDetectors.detect(tracks);
        events.addAll(found);
        List<Cue> cues = new ArrayList<>();
        for (Cue c : BodyCues.of(tracks, found)) {
            cues.add(new Cue(prefix + c.id(), c.modality(), c.source(), c.subject(), c.type(), c.label(), c.score(), c.region(),
                    c.span(), c.values()));
        }
        window.clear();
        timings.merge("body.gestures", (System.nanoTime() - start) / 1e6, Double::sum);
        return cues;
    }

    /** Every gesture and posture found so far, over all windows. */
    public List<GestureEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Map<String, Double> timings() {
        return timings;
    }
}
