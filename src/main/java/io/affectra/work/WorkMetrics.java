package io.affectra.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The work queue's meters in {@code rabbitmq} mode: {@code affectra_work_queue_depth{queue}} (items waiting, and dead
 * letters), {@code affectra_work_in_flight} (items this replica runs now), and counters of items enqueued, handled by
 * outcome, redelivered and dead-lettered.
 */
@ApplicationScoped
public class WorkMetrics {

    private final MeterRegistry registry;
    private final Counter enqueued;
    private final Counter redelivered;
    private final Counter deadLettered;
    private final Map<WorkHandler.Outcome, Counter> handled = new EnumMap<>(WorkHandler.Outcome.class);

    public WorkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enqueued = Counter.builder("affectra_work_enqueued").description("Work items this replica enqueued").register(registry);
        this.redelivered = Counter.builder("affectra_work_redelivered").description("Work items delivered here that were delivered before")
                .register(registry);
        this.deadLettered = Counter.builder("affectra_work_dead_lettered").description("Dead-lettered work items this replica recorded as failed")
                .register(registry);
        for (WorkHandler.Outcome outcome : WorkHandler.Outcome.values()) {
            handled.put(outcome, Counter.builder("affectra_work_handled").tag("outcome", outcome.name().toLowerCase())
                    .description("Work items this replica ran, by what it told the broker").register(registry));
        }
    }

    /** Registers the gauges that ask the broker (only in {@code rabbitmq} mode). */
    void bind(Broker broker) {
        Gauge.builder("affectra_work_queue_depth", broker, b -> b.depth(b.workQueue())).tag("queue", "trials")
                .description("Work items waiting in the queue (-1 while the broker cannot be asked)").register(registry);
        Gauge.builder("affectra_work_queue_depth", broker, b -> b.depth(b.deadLetterQueue())).tag("queue", "dead")
                .description("Dead letters waiting to be recorded (-1 while the broker cannot be asked)").register(registry);
        Gauge.builder("affectra_work_in_flight", broker, Broker::inFlight).description("Work items this replica runs now").register(registry);
    }

    void enqueued(int n) {
        enqueued.increment(n);
    }

    void redelivered() {
        redelivered.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void handled(WorkHandler.Outcome outcome) {
        handled.get(outcome).increment();
    }
}
