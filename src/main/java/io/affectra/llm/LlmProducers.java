package io.affectra.llm;

import io.affectra.work.RedisLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring for the plain classes of this package. */
public class LlmProducers {

    @Produces
    @Singleton
    BackendLimiter limiter(BackendRegistry registry, RedisLimits shared) {
        return BackendLimiter.of(registry, shared);
    }
}
