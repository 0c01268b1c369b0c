package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.work.RedisConnection;
import io.affectra.work.RedisLimits;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two limiters, as two replicas would hold, sharing their backend's limits through this machine's Redis
 * (127.0.0.1:6379): calls in flight stay within {@code max-concurrency} summed over both, and start slots are spaced
 * by {@code requests-per-minute} whichever replica reserves them.
 */
class SharedBackendLimitsTest {

    private static RedisLimits redis(String prefix) {
        return new RedisLimits(new RedisConnection(Optional.of("redis://127.0.0.1:6379")), prefix, Duration.ofMinutes(1));
    }

    private static BackendLimiter.Limits limits(int maxConcurrency, int requestsPerMinute) {
        return new BackendLimiter.Limits() {
            @Override
            public OptionalInt maxConcurrency(String backend) {
                return maxConcurrency > 0 ? OptionalInt.of(maxConcurrency) : OptionalInt.empty();
            }

            @Override
            public OptionalInt requestsPerMinute(String backend) {
                return requestsPerMinute > 0 ? OptionalInt.of(requestsPerMinute) : OptionalInt.empty();
            }
        };
    }

    @Test
    void callsInFlightStayWithinTheLimitSummedOverReplicas() throws Exception {
        String prefix = "affectra-test-" + UUID.randomUUID();
        BackendLimiter replicaA = new BackendLimiter(limits(2, 0), redis(prefix));
        BackendLimiter replicaB = new BackendLimiter(limits(2, 0), redis(prefix));
        Semaphore entered = new Semaphore(0);
        Semaphore gate = new Semaphore(0);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                BackendLimiter limiter = i % 2 == 0 ? replicaA : replicaB;
                calls.add(callers.submit(() -> limiter.call("vllm", () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    entered.release();
                    try {
                        gate.acquire();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    inFlight.decrementAndGet();
                    return "answered";
                })));
            }

            assertThat(entered.tryAcquire(2, 10, TimeUnit.SECONDS)).as("two calls get permits").isTrue();
            // The other four wait for a permit: none enters while the two hold theirs.
            assertThat(entered.tryAcquire(1, 300, TimeUnit.MILLISECONDS)).as("a third call while two are in flight").isFalse();
            gate.release(6);
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
            }
            assertThat(most.get()).isEqualTo(2);
        } finally {
            gate.release(6);
            callers.shutdownNow();
        }
    }

    @Test
    void startSlotsAreSpacedAcrossReplicasByRequestsPerMinute() {
        String prefix = "affectra-test-" + UUID.randomUUID();
        RedisLimits replicaA = redis(prefix);
        RedisLimits replicaB = redis(prefix);
        long interval = TimeUnit.SECONDS.toNanos(2); // 30 requests per minute

        long first = replicaA.reserveStart("vllm", interval);
        long second = replicaB.reserveStart("vllm", interval);
        long third = replicaA.reserveStart("vllm", interval);

        assertThat(first).isZero();
        // Each later slot is one interval after the one before, less what elapsed between the reservations.
        assertThat(second).isBetween(interval - TimeUnit.MILLISECONDS.toNanos(500), interval);
        assertThat(third).isBetween(2 * interval - TimeUnit.MILLISECONDS.toNanos(500), 2 * interval);
    }

    @Test
    void withoutRedisALimiterLimitsItsOwnCalls() {
        String prefix = "affectra-test-" + UUID.randomUUID();
        BackendLimiter limiter = new BackendLimiter(limits(1, 0), new RedisLimits(new RedisConnection(Optional.of("redis://127.0.0.1:1")), prefix, Duration.ofMinutes(1)));

        assertThat(limiter.call("vllm", () -> "answered")).isEqualTo("answered");
        assertThat(limiter.available("vllm")).isEqualTo(1);
    }
}
