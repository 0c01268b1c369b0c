package io.affectra.encoder;

import io.affectra.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The sampled frames of one video, each session on a lane of its own: a lane runs its session's frames in order, one
 * at a time, on the encoder pool, and lanes do not wait for each other frame by frame. Waiting for both sessions on
 * every frame left a core idle whenever one was slower on that frame (body with hands, faces without); sessions now
 * meet only where their state is read ({@link #drain()}, at a window's end). A lane runs at most {@code depth} frames
 * behind the caller, so memory stays bounded; {@link #submit} blocks past that. A {@link StagedFrameSession}'s
 * stateless part runs as soon as its frame arrives, on any free core, and only the rest waits its turn on the lane.
 */
public final class FrameLanes implements AutoCloseable {

    private final List<Lane> lanes;

    FrameLanes(List<? extends FrameCueSession> sessions, Executor pool, int depth) {
        this.lanes = new ArrayList<>(sessions.size());
        for (FrameCueSession session : sessions) {
            lanes.add(new Lane(session, pool, depth));
        }
    }

    /** Hands the frame to every lane; rethrows a lane's failure (as thrown) once the lanes have stopped. */
    public void submit(VideoFrame frame) {
        for (Lane lane : lanes) {
            if (lane.tail.isCompletedExceptionally()) {
                drain();
            }
        }
        for (Lane lane : lanes) {
            lane.submit(frame);
        }
    }

    /** Waits until every lane has run every frame handed to it, then rethrows the first failure as it was thrown. */
    public void drain() {
        RuntimeException failure = null;
        for (Lane lane : lanes) {
            try {
                lane.tail.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                failure = failure == null ? cause : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for the lanes without rethrowing: on the way out of a failed or cancelled extraction, no session may still run. */
    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.tail.exceptionally(e -> null).join();
        }
    }

    private static final class Lane {
        final FrameCueSession session;
        final Executor pool;
        final Semaphore behind;
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        Lane(FrameCueSession session, Executor pool, int depth) {
            this.session = session;
            this.pool = pool;
            this.behind = new Semaphore(Math.max(1, depth));
        }

        void submit(VideoFrame frame) {
            behind.acquireUninterruptibly();
            CompletableFuture<Void> next = session instanceof StagedFrameSession<?> staged ? staged(staged, frame)
                    : tail.thenRunAsync(() -> session.accept(frame), pool);
            // A stage after a failed one does not run; its permit is still given back.
            tail = next.whenComplete((ok, e) -> behind.release());
        }

        /** The stateless part at once, on any free core; the rest after it and after the frame before. */
        private <P> CompletableFuture<Void> staged(StagedFrameSession<P> staged, VideoFrame frame) {
            CompletableFuture<P> prepared = CompletableFuture.supplyAsync(() -> staged.prepare(frame), pool);
            return tail.thenCombineAsync(prepared, (ok, p) -> {
                staged.accept(frame, p);
                return null;
            }, pool);
        }
    }
}
