package io.affectra.work;

/**
 * Call limits that hold across replicas: a number of permits per key (calls in flight) and evenly spaced start slots
 * per key (calls per minute). {@link RedisLimits} keeps them in Redis; without it each replica limits its own calls.
 */
public interface SharedLimits {

    /** Whether limits are shared (a store is configured). */
    boolean enabled();

    /**
     * Takes one of {@code max} permits of {@code key} if one is free now.
     *
     * @return the permit's token (for {@link #release}), or null when all are taken
     * @throws SharedLimitsUnavailableException when the store cannot be asked
     */
    String tryAcquire(String key, int max);

    void release(String key, String token);

    /**
     * Reserves the next start slot of {@code key}, {@code intervalNanos} after the one before (by the store's clock).
     *
     * @return how long to wait for it, in nanoseconds (0 when it is now)
     * @throws SharedLimitsUnavailableException when the store cannot be asked
     */
    long reserveStart(String key, long intervalNanos);

    /** The store did not answer; callers fall back to limiting this replica's calls alone. */
    class SharedLimitsUnavailableException extends RuntimeException {
        public SharedLimitsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
