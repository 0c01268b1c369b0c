package io.affectra.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A consecutive-failures circuit breaker for one backend. Closed: calls go through and failures are counted; after
 * {@code threshold} failures in a row it opens and refuses calls for {@code delay}; then it is half-open and lets one
 * trial call through, whose success closes it and whose failure opens it again. A threshold of 0 never opens.
 * Time comes from a nanosecond clock (tests drive it). Thread-safe; each method holds the lock for a few instructions.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final long delayNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialOut;

    public CircuitBreaker(int threshold, Duration delay, LongSupplier clock) {
        if (threshold < 0) {
            throw new IllegalArgumentException("circuit-breaker-failures must be >= 0");
        }
        this.threshold = threshold;
        this.delayNanos = delay.toNanos();
        this.clock = clock;
    }

    /** Whether a call may go out now; a true in the half-open state is the one trial call. */
    public synchronized boolean tryAcquire() {
        if (threshold == 0) {
            return true;
        }
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < delayNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialOut = true;
                return true;
            default:
                if (trialOut) {
                    return false;
                }
                trialOut = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        failures = 0;
        trialOut = false;
        state = State.CLOSED;
    }

    public synchronized void onFailure() {
        if (threshold == 0) {
            return;
        }
        if (state == State.HALF_OPEN || ++failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
            trialOut = false;
        }
    }

    /** A call that neither succeeded nor failed (the client went away, or the request itself was wrong). */
    public synchronized void release() {
        trialOut = false;
    }

    public synchronized State state() {
        if (state == State.OPEN && threshold > 0 && clock.getAsLong() - openedAt >= delayNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
