package io.affectra.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affectra.cue.Cue;
import io.affectra.cue.TimeSpan;
import io.affectra.media.RgbImage;
import io.affectra.media.VideoFrame;
import io.affectra.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameLanesTest {

    private static RgbImage photo;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void decode() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(TestMedia.bytes("sample1.jpg")));
        photo = new RgbImage(image.getWidth(), image.getHeight(), image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A session that records the timestamps it saw, after an optional step of its own on each frame. */
    private static final class Recording implements FrameCueSession {
        final List<Long> seen = new CopyOnWriteArrayList<>();
        final Consumer<VideoFrame> step;

        Recording(Consumer<VideoFrame> step) {
            this.step = step;
        }

        @Override
        public void accept(VideoFrame frame) {
            step.accept(frame);
            seen.add(frame.timestampMs());
        }

        @Override
        public List<Cue> closeWindow(TimeSpan window, String prefix) {
            return List.of();
        }

        @Override
        public Map<String, Double> timings() {
            return Map.of();
        }
    }

    private static VideoFrame frame(int i) {
        return new VideoFrame(i * 200L, photo);
    }

    @Test
    void everySessionSeesEveryFrameInOrder() {
        Recording faces = new Recording(f -> { });
        Recording body = new Recording(f -> { });
        try (FrameLanes lanes = new FrameLanes(List.of(faces, body), pool, 3)) {
            for (int i = 0; i < 40; i++) {
                lanes.submit(frame(i));
            }
            lanes.drain();
        }
        List<Long> expected = java.util.stream.IntStream.range(0, 40).mapToObj(i -> i * 200L).toList();
        assertEquals(expected, faces.seen);
        assertEquals(expected, body.seen);
    }

    @Test
    void aSessionRunsAheadOfASlowOneByUpToTheDepthAndNoFurther() throws Exception {
        int depth = 3;
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger mostBehind = new AtomicInteger();
        CountDownLatch fastAtDepth = new CountDownLatch(depth);
        AtomicInteger slowStarted = new AtomicInteger();
        Recording fast = new Recording(f -> fastAtDepth.countDown());
        Recording slow = new Recording(f -> {
            // Handed in but not yet run by this lane, this frame included.
            mostBehind.accumulateAndGet(submitted.get() - slowStarted.getAndIncrement(), Math::max);
            if (f.timestampMs() == 0) {
                await(fastAtDepth);
            }
        });
        try (FrameLanes lanes = new FrameLanes(List.of(slow, fast), pool, depth)) {
            for (int i = 0; i < 30; i++) {
                lanes.submit(frame(i));
                submitted.incrementAndGet();
            }
            lanes.drain();
        }
        // Frame by frame in step, the fast session could not have passed the slow one's first frame.
        assertEquals(0, fastAtDepth.getCount());
        assertTrue(mostBehind.get() <= depth, "a lane ran " + mostBehind.get() + " frames behind with a depth of " + depth);
        assertEquals(30, slow.seen.size());
        assertEquals(30, fast.seen.size());
    }

    @Test
    void aSessionsFailureComesBackAsThrownAndStopsItsLane() {
        IllegalStateException boom = new IllegalStateException("pose model failed");
        Recording failing = new Recording(f -> {
            if (f.timestampMs() == 600) {
                throw boom;
            }
        });
        Recording other = new Recording(f -> { });
        RuntimeException thrown;
        try (FrameLanes lanes = new FrameLanes(List.of(other, failing), pool, 2)) {
            thrown = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 50; i++) {
                    lanes.submit(frame(i));
                }
                lanes.drain();
            });
        }
        assertSame(boom, thrown);
        assertEquals(List.of(0L, 200L, 400L), failing.seen);
        // Submitting stops once the failure shows: the other lane saw a bounded number of frames more.
        assertTrue(other.seen.size() < 50, "frames went on after the failure: " + other.seen.size());
    }

    /** A staged session: prepare tags the frame, accept records what it was handed, after an optional step. */
    private static final class Staged implements StagedFrameSession<String> {
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final Consumer<VideoFrame> beforePrepare;
        final Consumer<VideoFrame> beforeAccept;

        Staged(Consumer<VideoFrame> beforePrepare, Consumer<VideoFrame> beforeAccept) {
            this.beforePrepare = beforePrepare;
            this.beforeAccept = beforeAccept;
        }

        @Override
        public String prepare(VideoFrame frame) {
            beforePrepare.accept(frame);
            return "poses@" + frame.timestampMs();
        }

        @Override
        public void accept(VideoFrame frame, String prepared) {
            beforeAccept.accept(frame);
            accepted.add(frame.timestampMs() + ":" + prepared);
        }

        @Override
        public List<Cue> closeWindow(TimeSpan window, String prefix) {
            return List.of();
        }

        @Override
        public Map<String, Double> timings() {
            return Map.of();
        }
    }

    @Test
    void aStagedSessionPreparesTheNextFrameWhileItsLaneIsStillOnTheFrameBefore() {
        CountDownLatch nextPrepared = new CountDownLatch(1);
        Staged body = new Staged(f -> {
            if (f.timestampMs() == 200) {
                nextPrepared.countDown();
            }
        }, f -> {
            if (f.timestampMs() == 0) {
                // In lane order, frame 1's preparation could only start after this.
                await(nextPrepared);
            }
        });
        try (FrameLanes lanes = new FrameLanes(List.of(body), pool, 3)) {
            for (int i = 0; i < 20; i++) {
                lanes.submit(frame(i));
            }
            lanes.drain();
        }
        List<String> expected = java.util.stream.IntStream.range(0, 20).mapToObj(i -> i * 200L + ":poses@" + i * 200L).toList();
        assertEquals(expected, body.accepted);
    }

    @Test
    void aFailedPreparationComesBackAsThrown() {
        IllegalStateException boom = new IllegalStateException("posenet failed");
        Staged body = new Staged(f -> {
            if (f.timestampMs() == 400) {
                throw boom;
            }
        }, f -> { });
        RuntimeException thrown;
        try (FrameLanes lanes = new FrameLanes(List.of(body), pool, 2)) {
            thrown = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 50; i++) {
                    lanes.submit(frame(i));
                }
                lanes.drain();
            });
        }
        assertSame(boom, thrown);
        assertEquals(List.of("0:poses@0", "200:poses@200"), body.accepted);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "the other lane never ran ahead");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
