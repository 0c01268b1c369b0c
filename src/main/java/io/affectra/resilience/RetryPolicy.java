package io.affectra.resilience;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: retry k waits between half and all of {@code backoff * 2^(k-1)}, capped at
 * {@code maxDelay}. A backend's own {@code Retry-After} is honoured when it asks for more; when it asks for more than
 * {@code maxDelay} the call is not retried (another backend, or the client, should try instead).
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxDelay) {

    /** Longest wait between two tries of one interactive call. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(10);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max-retries must be >= 0");
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("retry-backoff must be >= 0");
        }
    }

    /**
     * @param retry           1 for the first retry
     * @param retryAfterMillis what the backend asked for, or 0
     * @param random          in [0, 1)
     * @return the delay in milliseconds, or -1 when the call should not be retried
     */
    public long delayMillis(int retry, long retryAfterMillis, DoubleSupplier random) {
        if (retry > maxRetries) {
            return -1;
        }
        long cap = maxDelay.toMillis();
        if (retryAfterMillis > cap) {
            return -1;
        }
        long exponential = Math.min(cap, backoff.toMillis() << Math.min(20, retry - 1));
        long jittered = exponential / 2 + (long) (random.getAsDouble() * (exponential - exponential / 2));
        return Math.max(jittered, retryAfterMillis);
    }
}
