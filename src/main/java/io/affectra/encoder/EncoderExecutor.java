package io.affectra.encoder;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent encoders of one frame side by side (faces and body each keep a core busy), on a pool
 * of one platform thread per core: the work is native inference, so more threads would only contend.
 */
@ApplicationScoped
public class EncoderExecutor {

    private final ExecutorService pool;

    public EncoderExecutor() {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads,
                r -> Thread.ofPlatform().name("affectra-encoder-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    /** Runs every task, waits for all, and rethrows the first failure as it was thrown. */
    public void runAll(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        CompletableFuture<?>[] futures = tasks.stream().map(t -> CompletableFuture.runAsync(t, pool)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Lanes for the sessions of one video (see {@link FrameLanes}), each at most {@code depth} frames behind.
     */
    public FrameLanes lanes(List<? extends FrameCueSession> sessions, int depth) {
        return new FrameLanes(sessions, pool, depth);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
