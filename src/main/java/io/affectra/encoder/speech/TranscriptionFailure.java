package io.affectra.encoder.speech;

/**
 * Why one call to a speech-to-text backend gave no words. The message completes "transcription backend 'x' ...", so that
 * a warning can name the backend and what failed.
 */
public final class TranscriptionFailure extends Exception {

    public enum Kind {
        /** No answer within the timeout: not retried, since the backend may still be working on it. */
        TIMEOUT,
        /** No connection (refused, reset, unknown host). */
        UNREACHABLE,
        /** An HTTP status other than 2xx. */
        STATUS,
        /** A 2xx reply that is not a transcription. */
        INVALID
    }

    private final Kind kind;
    private final int status;
    private final long retryAfterMillis;

    TranscriptionFailure(Kind kind, String message, int status, long retryAfterMillis) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    static TranscriptionFailure timeout(String message) {
        return new TranscriptionFailure(Kind.TIMEOUT, message, 0, 0);
    }

    static TranscriptionFailure unreachable(String message) {
        return new TranscriptionFailure(Kind.UNREACHABLE, message, 0, 0);
    }

    static TranscriptionFailure status(int status, long retryAfterMillis) {
        return new TranscriptionFailure(Kind.STATUS, "answered HTTP " + status, status, retryAfterMillis);
    }

    static TranscriptionFailure invalid(String message) {
        return new TranscriptionFailure(Kind.INVALID, message, 0, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** Worth another try on the same backend: nothing came of this one (as the chat surface retries LLM backends). */
    public boolean retryable() {
        return kind == Kind.UNREACHABLE || (kind == Kind.STATUS && (status == 429 || status == 500 || status == 502 || status == 503
                || status == 504));
    }

    /**
     * Whether it speaks of the backend's health, for its circuit breaker: connection failures, timeouts, 5xx and replies
     * that are no transcription do; 429 and other 4xx (a wrong key or model: the configuration's fault) do not.
     */
    public boolean backendFault() {
        return kind != Kind.STATUS || status >= 500;
    }

    /** What the backend's {@code Retry-After} asked for, or 0. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
