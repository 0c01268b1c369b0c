package io.affectra.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void backoffDoublesWithJitterBetweenHalfAndAll() {
        assertThat(policy.delayMillis(1, 0, () -> 0.0)).isEqualTo(100);
        assertThat(policy.delayMillis(1, 0, () -> 0.999)).isBetween(199L, 200L);
        assertThat(policy.delayMillis(2, 0, () -> 0.0)).isEqualTo(200);
        assertThat(policy.delayMillis(3, 0, () -> 0.5)).isEqualTo(600);
    }

    @Test
    void noMoreThanMaxRetries() {
        assertThat(policy.delayMillis(4, 0, () -> 0.5)).isEqualTo(-1);
        assertThat(new RetryPolicy(0, Duration.ofMillis(200), Duration.ofSeconds(10)).delayMillis(1, 0, () -> 0.5)).isEqualTo(-1);
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        assertThat(policy.delayMillis(1, 2_000, () -> 0.5)).isEqualTo(2_000);
        assertThat(policy.delayMillis(1, 50, () -> 0.5)).isEqualTo(150);
        assertThat(policy.delayMillis(1, 30_000, () -> 0.5)).as("too long for an interactive call").isEqualTo(-1);
    }

    @Test
    void theDelayIsCapped() {
        RetryPolicy many = new RetryPolicy(40, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(many.delayMillis(40, 0, () -> 0.999)).isLessThanOrEqualTo(10_000);
    }
}
