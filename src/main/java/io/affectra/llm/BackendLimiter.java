package io.affectra.llm;

import io.affectra.work.SharedLimits;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Per-backend call limits: at most {@code max-concurrency} calls in flight and at most {@code requests-per-minute}
 * calls started per minute (spaced evenly), shared by everything that calls the backend (analyses and evaluations).
 * A call waits for its turn; a waiting thread that is interrupted gives up with {@link CallInterruptedException}.
 * <p>
 * With {@link SharedLimits} (Redis), the limits hold across replicas: permits and start slots are taken there. When
 * the store does not answer, the call falls back to this replica's own limits rather than failing.
 */
public class BackendLimiter {

    /** Limits for every backend name; the registry's configs in production. */
    public interface Limits {
        OptionalInt maxConcurrency(String backend);

        OptionalInt requestsPerMinute(String backend);
    }

    /** Thrown when a thread is interrupted while waiting for or making a call (an evaluation being stopped). */
    public static class CallInterruptedException extends RuntimeException {
        public CallInterruptedException(String backend) {
            super("the call to backend '" + backend + "' was interrupted");
        }
    }

    public static final BackendLimiter NONE = new BackendLimiter(new Limits() {
        @Override
        public OptionalInt maxConcurrency(String backend) {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt requestsPerMinute(String backend) {
            return OptionalInt.empty();
        }
    });

    private static final Logger LOG = Logger.getLogger(BackendLimiter.class);
    /** The first wait for a shared permit; doubled up to {@link #MAX_PERMIT_POLL_NANOS}. */
    private static final long FIRST_PERMIT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_PERMIT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Limits limits;
    private final SharedLimits shared;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, long[]> nextStart = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedShared = new AtomicBoolean();

    public BackendLimiter(Limits limits) {
        this(limits, null);
    }

    /** @param shared limits kept across replicas, or null for this process's alone */
    public BackendLimiter(Limits limits, SharedLimits shared) {
        this.limits = limits;
        this.shared = shared == null || !shared.enabled() ? null : shared;
    }

    public static BackendLimiter of(BackendRegistry registry, SharedLimits shared) {
        return new BackendLimiter(new Limits() {
            @Override
            public OptionalInt maxConcurrency(String backend) {
                return registry.config(backend).maxConcurrency();
            }

            @Override
            public OptionalInt requestsPerMinute(String backend) {
                return registry.config(backend).requestsPerMinute();
            }
        }, shared);
    }

    public <T> T call(String backend, Supplier<T> call) {
        if (shared != null) {
            SharedPermit permit = acquireShared(backend);
            if (!permit.down()) {
                try {
                    paceShared(backend);
                    return call.get();
                } finally {
                    if (permit.token() != null) {
                        shared.release(backend, permit.token());
                    }
                }
            }
        }
        Semaphore semaphore = semaphore(backend);
        if (semaphore != null) {
            try {
                semaphore.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallInterruptedException(backend);
            }
        }
        try {
            pace(backend);
            return call.get();
        } finally {
            if (semaphore != null) {
                semaphore.release();
            }
        }
    }

    /** A permit taken in the shared store: its token (null when the backend has no concurrency limit), or the store was down. */
    private record SharedPermit(String token, boolean down) {
        static final SharedPermit UNLIMITED = new SharedPermit(null, false);
        static final SharedPermit DOWN = new SharedPermit(null, true);
    }

    private SharedPermit acquireShared(String backend) {
        OptionalInt max = limits.maxConcurrency(backend);
        if (max.isEmpty() || max.getAsInt() <= 0) {
            return SharedPermit.UNLIMITED;
        }
        long poll = FIRST_PERMIT_POLL_NANOS;
        try {
            while (true) {
                String token = shared.tryAcquire(backend, max.getAsInt());
                if (token != null) {
                    warnedShared.set(false);
                    return new SharedPermit(token, false);
                }
                TimeUnit.NANOSECONDS.sleep(poll);
                poll = Math.min(poll * 2, MAX_PERMIT_POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(backend);
        } catch (SharedLimits.SharedLimitsUnavailableException e) {
            if (warnedShared.compareAndSet(false, true)) {
                LOG.warnf("backend limits: the shared store did not answer (%s); limiting this replica's calls alone until it does", e.getMessage());
            }
            return SharedPermit.DOWN;
        }
    }

    private void paceShared(String backend) {
        OptionalInt rpm = limits.requestsPerMinute(backend);
        if (rpm.isEmpty() || rpm.getAsInt() <= 0) {
            return;
        }
        long wait;
        try {
            wait = shared.reserveStart(backend, TimeUnit.MINUTES.toNanos(1) / rpm.getAsInt());
            warnedShared.set(false);
        } catch (SharedLimits.SharedLimitsUnavailableException e) {
            pace(backend);
            return;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallInterruptedException(backend);
            }
        }
    }

    /** Calls in flight allowed now for a backend (for progress reports); -1 when unlimited. */
    public int available(String backend) {
        Semaphore semaphore = semaphore(backend);
        return semaphore == null ? -1 : semaphore.availablePermits();
    }

    private Semaphore semaphore(String backend) {
        OptionalInt max = limits.maxConcurrency(backend);
        if (max.isEmpty() || max.getAsInt() <= 0) {
            return null;
        }
        return permits.computeIfAbsent(backend, b -> new Semaphore(max.getAsInt(), true));
    }

    /** Reserves the next start slot (1/rate apart) and waits for it. */
    private void pace(String backend) {
        OptionalInt rpm = limits.requestsPerMinute(backend);
        if (rpm.isEmpty() || rpm.getAsInt() <= 0) {
            return;
        }
        long interval = TimeUnit.MINUTES.toNanos(1) / rpm.getAsInt();
        long[] slot = nextStart.computeIfAbsent(backend, b -> new long[] {Long.MIN_VALUE});
        long start;
        synchronized (slot) {
            long now = System.nanoTime();
            start = slot[0] == Long.MIN_VALUE || slot[0] - now < 0 ? now : slot[0];
            slot[0] = start + interval;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallInterruptedException(backend);
            }
        }
    }
}
