package io.affectra.encoder.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.Region;
import io.affectra.media.AvDecoder;
import io.affectra.media.DecodedImage;
import io.affectra.media.ImageDecoder;
import io.affectra.media.MediaKind;
import io.affectra.media.RgbImage;
import io.affectra.media.VideoFrame;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The face detectors on every n-th sampled frame of a video, faces followed by their mesh in between, on the generated
 * clip (sample3 for 6 s, then sample1) and on frames made from the photographs.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceCadenceTest {

    private static final FaceOptions OPTIONS = new FaceOptions(false);

    @Inject
    FaceAnalyzer analyzer;

    @Inject
    AvDecoder decoder;

    @Inject
    ImageDecoder images;

    private final List<VideoFrame> clip = new ArrayList<>();

    @BeforeAll
    void sampleTheClip() {
        decoder.sampleFrames(TestMedia.file("people.mp4"), 2.0, clip::add);
    }

    /** Each session's detection frames and last faces, as its observer saw them. */
    private final Map<FaceTrackSession, CadenceLog> logs = new IdentityHashMap<>();

    private static final class CadenceLog implements FaceTrackSession.Observer {
        final List<Integer> detectionFrames = new ArrayList<>();
        List<FaceReport> lastFaces = List.of();

        @Override
        public void frame(int index, boolean detected, List<FaceReport> faces) {
            if (detected) {
                detectionFrames.add(index);
            }
            lastFaces = faces;
        }
    }

    private FaceTrackSession observed(int detectEveryNthFrame) {
        CadenceLog log = new CadenceLog();
        FaceTrackSession session = new FaceTrackSession(analyzer, OPTIONS, detectEveryNthFrame, log);
        logs.put(session, log);
        return session;
    }

    /** The indices (from 0) of the sampled frames the detectors ran on. */
    private List<Integer> detections(FaceTrackSession session) {
        return List.copyOf(logs.get(session).detectionFrames);
    }

    /** Every frame's faces as the session saw them. */
    private List<List<FaceReport>> run(FaceTrackSession session, List<VideoFrame> frames) {
        List<List<FaceReport>> seen = new ArrayList<>();
        for (VideoFrame frame : frames) {
            session.accept(frame);
            seen.add(logs.get(session).lastFaces);
        }
        return seen;
    }

    @Test
    void theDefaultDetectsOnEveryFifthFrame() {
        assertThat(analyzer.detectEveryNthFrame()).isEqualTo(5);
    }

    @Test
    void detectingOnEveryFrameGivesWhatTheImagePipelineGivesOnEachFrame() {
        FaceTrackSession session = observed(1);
        List<List<FaceReport>> seen = run(session, clip);

        assertThat(detections(session)).hasSize(clip.size());
        for (int i = 0; i < clip.size(); i++) {
            RgbImage image = clip.get(i).image();
            DecodedImage decoded = new DecodedImage(MediaKind.MP4, image.width(), image.height(), image, 1.0);
            assertThat(seen.get(i)).as("frame " + i).isEqualTo(analyzer.analyze(decoded, OPTIONS).faces());
        }
    }

    @Test
    void followingBetweenDetectionsKeepsTheTracksIdsAndBoxesOfDetectingOnEveryFrame() {
        FaceTrackSession everyFrame = observed(1);
        FaceTrackSession everyFifth = observed(5);
        List<List<FaceReport>> detected = run(everyFrame, clip);
        List<List<FaceReport>> followed = run(everyFifth, clip);

        // 24 frames at 2 fps; the cut to sample1 at 6 s (frame 12) is detected at once, then every fifth frame again.
        assertThat(clip).hasSize(24);
        assertThat(detections(everyFifth)).containsExactly(0, 5, 10, 12, 17, 22);
        assertThat(everyFifth.tracks()).extracting(FaceTrack::id).containsExactlyElementsOf(
                everyFrame.tracks().stream().map(FaceTrack::id).toList()).hasSize(6);
        for (int t = 0; t < everyFrame.tracks().size(); t++) {
            FaceTrack a = everyFrame.tracks().get(t);
            FaceTrack b = everyFifth.tracks().get(t);
            assertThat(b.frames()).as(a.id()).isEqualTo(a.frames());
            assertThat(b.firstSeenMs()).as(a.id()).isEqualTo(a.firstSeenMs());
            assertThat(b.lastSeenMs()).as(a.id()).isEqualTo(a.lastSeenMs());
            assertThat(b.label()).as(a.id()).isEqualTo(a.label());
        }
        for (int i = 0; i < clip.size(); i++) {
            assertThat(followed.get(i)).as("frame " + i).hasSameSizeAs(detected.get(i));
            for (int f = 0; f < detected.get(i).size(); f++) {
                Region box = detected.get(i).get(f).box();
                assertThat(followed.get(i).get(f).box().iou(box)).as("frame " + i + " face " + f).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void followedBoxesMoveWithTheFacesAndKeepTheirTracks() {
        // The camera pans across sample1: the faces move 24 px left per frame (120 px/s at 5 sampled frames/s).
        RgbImage photo = images.decode(TestMedia.file("sample1.jpg")).pixels();
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(new VideoFrame(i * 200L, window(photo, 24 * i, 0, photo.width() - 240, photo.height())));
        }
        FaceTrackSession everyFrame = observed(1);
        FaceTrackSession everyFifth = observed(5);
        List<List<FaceReport>> detected = run(everyFrame, frames);
        List<List<FaceReport>> followed = run(everyFifth, frames);

        // Most frames are followed; the laughing face, whose mesh lags the pan, has the detectors run again early.
        assertThat(detections(everyFifth)).startsWith(0).hasSizeBetween(2, 4);
        assertThat(everyFifth.tracks()).extracting(FaceTrack::id).containsExactly("F1", "F2", "F3");
        assertThat(everyFifth.tracks()).extracting(FaceTrack::frames).containsExactly(10, 10, 10);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(followed.get(i)).as("frame " + i).hasSize(3);
            for (int f = 0; f < 3; f++) {
                // The detectors' own box jitters by a tenth of a face from frame to frame on this pan.
                Region box = detected.get(i).get(f).box();
                assertThat(followed.get(i).get(f).box().iou(box)).as("frame " + i + " face " + f).isGreaterThan(0.6);
            }
        }
        // Two frames after the first detection, before any other, the followed box has moved with the face.
        assertThat(detections(everyFifth).get(1)).isGreaterThan(2);
        double moved = followed.get(0).get(0).box().centerX() - followed.get(2).get(0).box().centerX();
        assertThat(moved).isBetween(40.0, 56.0);
    }

    @Test
    void aFaceThatComesIntoViewIsFoundAtTheNextDetection() {
        RgbImage photo = images.decode(TestMedia.file("sample1.jpg")).pixels();
        Region right = detectedBoxes(photo).get(2);
        RgbImage hidden = blackedOut(photo, right);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            frames.add(new VideoFrame(i * 200L, i < 3 ? hidden : photo));
        }
        FaceTrackSession session = observed(5);
        List<List<FaceReport>> seen = run(session, frames);

        assertThat(detections(session)).containsExactly(0, 5);
        assertThat(seen).extracting(List::size).containsExactly(2, 2, 2, 2, 2, 3, 3);
        assertThat(session.tracks()).extracting(FaceTrack::id).containsExactly("F1", "F2", "F3");
        assertThat(session.tracks().get(2).firstSeenMs()).isEqualTo(1_000);
    }

    @Test
    void aFaceThatIsLostIsLookedForAtOnce() {
        RgbImage photo = images.decode(TestMedia.file("sample1.jpg")).pixels();
        RgbImage hidden = blackedOut(photo, detectedBoxes(photo).get(0));
        List<VideoFrame> frames = List.of(new VideoFrame(0, photo), new VideoFrame(200, photo), new VideoFrame(400, hidden),
                new VideoFrame(600, hidden));
        FaceTrackSession session = observed(5);
        List<List<FaceReport>> seen = run(session, frames);

        assertThat(detections(session)).containsExactly(0, 2);
        assertThat(seen).extracting(List::size).containsExactly(3, 3, 2, 2);
    }

    @Test
    void aShotChangeIsDetectedOnAtOnce() {
        RgbImage first = images.decode(TestMedia.file("sample1.jpg")).pixels();
        RgbImage second = images.decode(TestMedia.file("sample3.jpg")).pixels();
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(new VideoFrame(i * 200L, i < 3 ? first : second));
        }
        FaceTrackSession session = observed(5);
        run(session, frames);

        assertThat(detections(session)).containsExactly(0, 3);
        assertThat(session.tracks()).extracting(FaceTrack::id).containsExactly("F1", "F2", "F3", "F4", "F5", "F6");
    }

    @Test
    void twoFollowedBoxesOnOneFaceBecomeOneFace() {
        RgbImage photo = images.decode(TestMedia.file("sample1.jpg")).pixels();
        DecodedImage decoded = new DecodedImage(MediaKind.JPEG, photo.width(), photo.height(), photo, 1.0);
        FaceFrame detected = analyzer.detect(decoded, OPTIONS);
        FollowedFace left = detected.next().get(0);
        FollowedFace right = detected.next().get(2);

        FaceFrame followed = analyzer.follow(decoded, List.of(left, right, left), OPTIONS);

        assertThat(followed.lost()).isFalse();
        assertThat(followed.analysis().faces()).extracting(FaceReport::box)
                .containsExactly(detected.analysis().faces().get(0).box(), detected.analysis().faces().get(2).box());
        assertThat(followed.analysis().faces()).extracting(FaceReport::score)
                .containsExactly(detected.analysis().faces().get(0).score(), detected.analysis().faces().get(2).score());
        assertThat(followed.analysis().timings()).containsKey("landmarks").doesNotContainKey("detect");
    }

    private List<Region> detectedBoxes(RgbImage image) {
        return analyzer.analyze(new DecodedImage(MediaKind.JPEG, image.width(), image.height(), image, 1.0), OPTIONS).faces().stream()
                .map(FaceReport::box).toList();
    }

    private static RgbImage window(RgbImage image, int x0, int y0, int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.pixels(), (y0 + y) * image.width() + x0, pixels, y * width, width);
        }
        return new RgbImage(width, height, pixels);
    }

    /** The photograph with a face (and a margin around it) painted black. */
    private static RgbImage blackedOut(RgbImage image, Region face) {
        int[] pixels = image.pixels().clone();
        int x0 = (int) Math.max(0, face.x() - face.width() * 0.3);
        int y0 = (int) Math.max(0, face.y() - face.height() * 0.3);
        int x1 = (int) Math.min(image.width(), face.x() + face.width() * 1.3);
        int y1 = (int) Math.min(image.height(), face.y() + face.height() * 1.3);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                pixels[y * image.width() + x] = 0;
            }
        }
        return new RgbImage(image.width(), image.height(), pixels);
    }
}
