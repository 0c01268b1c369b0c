package io.affectra.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void afterTheDelayOneTrialCallDecides() {
        open();
        now.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("the trial call").isTrue();
        assertThat(breaker.tryAcquire()).as("no second call while the trial runs").isFalse();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgainForAnotherDelay() {
        open();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aReleasedTrialLetsTheNextCallTry() {
        open();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.release();

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void thresholdZeroNeverOpens() {
        CircuitBreaker off = new CircuitBreaker(0, Duration.ofSeconds(30), now::get);
        for (int i = 0; i < 100; i++) {
            off.onFailure();
        }
        assertThat(off.tryAcquire()).isTrue();
        assertThat(off.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        assertThat(breaker.tryAcquire()).isFalse();
    }
}
