package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import io.affectra.work.ReplicaId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Executes runs. With {@code affectra.work.transport=rabbitmq} their trials go to the work queue ({@link QueuedRuns})
 * and every replica runs them; otherwise each run gets a coordinator thread and a pool of {@code concurrency} workers; a worker answers one
 * case and writes its result in its own transaction. What is in the database is finished, so a run resumes after a
 * crash or a restart by running the cases that are not there ({@link #start}); the unique key on (run, strategy, case)
 * makes a case count once even if a worker of a stopped run finishes late. On startup, runs left {@code running} are
 * resumed; on shutdown, runs are halted as a crash would halt them.
 * <p>
 * Halting interrupts the workers (to abandon backend calls at once), so the workers never touch the database
 * themselves: an interrupt can close an embedded database's file channel. Their reads and writes go through one
 * database thread that is never interrupted.
 */
@ApplicationScoped
public class EvaluationRunner {

    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class);

    private final EvaluationStore store;
    private final RunPlans plans;
    private final TrialExecutor trials;
    private final EvaluationEvents events;
    private final EvalConfig config;
    private final QueuedRuns queued;
    private final ReplicaId replica;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final ExecutorService database = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("eval-db").daemon(true).unstarted(r));

    public EvaluationRunner(EvaluationStore store, RunPlans plans, TrialExecutor trials, EvaluationEvents events, EvalConfig config,
            QueuedRuns queued, ReplicaId replica) {
        this.store = store;
        this.plans = plans;
        this.trials = trials;
        this.events = events;
        this.config = config;
        this.queued = queued;
        this.replica = replica;
    }

    void onStart(@Observes StartupEvent event) {
        // With the work queue, runs are enqueued again once the broker is connected (QueuedRuns).
        if (config.resumeOnStart() && !queued.enabled()) {
            resumeRunning();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        List.copyOf(executions.keySet()).forEach(this::halt);
        database.shutdown();
    }

    /** Runs a database operation on the database thread and waits for it, even if this thread is interrupted meanwhile. */
    private <T> T db(Callable<T> operation) {
        Future<T> future = database.submit(operation);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts every run the database says is running but no worker here executes (after a crash or restart). With the
     * work queue, the runs whose items were never all enqueued (their planner died) are enqueued, by one replica.
     */
    public List<String> resumeRunning() {
        if (queued.enabled()) {
            return queued.dispatchPending();
        }
        List<String> resumed = new ArrayList<>();
        for (String id : store.running()) {
            if (!executions.containsKey(id)) {
                LOG.infof("resuming evaluation %s", id);
                start(id);
                resumed.add(id);
            }
        }
        return resumed;
    }

    /** Runs the cases of a stored run that have no result yet. A run already executing here is left alone. */
    public void start(String id) {
        if (queued.enabled()) {
            queued.dispatch(id);
            return;
        }
        EvaluationRecord record = store.find(id).orElseThrow();
        RunPlan plan;
        try {
            plan = plans.plan(record);
        } catch (RuntimeException e) {
            LOG.errorf(e, "evaluation %s cannot be planned", id);
            store.finish(id, EvaluationStatus.FAILED, "cannot be run any more: " + e.getMessage(), null);
            events.publish(id, EvaluationEvents.Event.failed(id, e.getMessage()));
            return;
        }
        Execution execution = new Execution(plan);
        if (executions.putIfAbsent(id, execution) != null) {
            return;
        }
        events.open(id);
        execution.begin();
    }

    /**
     * Stops a run and records it as cancelled: finished trials stay, nothing more runs until it is resumed.
     *
     * @return whether it was executing here
     */
    public boolean cancel(String id) {
        Execution execution = executions.remove(id);
        if (execution != null) {
            execution.halt();
        }
        db(() -> {
            store.finish(id, EvaluationStatus.CANCELLED, "cancelled", null);
            return null;
        });
        events.publish(id, EvaluationEvents.Event.cancelled(id));
        return execution != null;
    }

    /** The cue cache of a run executing here: how often evidence was reused and how often the encoders ran. */
    public Optional<long[]> cueCache(String id) {
        return Optional.ofNullable(executions.get(id)).map(e -> new long[] {e.plan.context().cueCache().hits(), e.plan.context().cueCache().misses()});
    }

    /**
     * Stops a run's workers at once, as a crash would: it stays {@code running}, finished cases stay stored, a case in
     * flight is not written. {@link #start} or the next startup resumes it.
     */
    public void halt(String id) {
        Execution execution = executions.remove(id);
        if (execution != null) {
            execution.halt();
        }
    }

    /** Whether this process executes the run on its own executors (never with the work queue: every replica works on it). */
    public boolean executing(String id) {
        return executions.containsKey(id);
    }

    /** Live progress of a run executing here. */
    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(executions.get(id)).map(Execution::progress);
    }

    /** Waits (tests and tools) until the run is no longer executing here; true if it ended within the timeout. */
    public boolean await(String id, Duration timeout) throws InterruptedException {
        Execution execution = executions.get(id);
        return execution == null || execution.coordinator == null || execution.coordinator.join(timeout);
    }

    private final class Execution {

        private final RunPlan plan;
        private final String id;
        private final AtomicBoolean halted = new AtomicBoolean();
        private final AtomicBoolean failed = new AtomicBoolean();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger doneHere = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicInteger unparseable = new AtomicInteger();
        private final AtomicInteger consecutiveErrors = new AtomicInteger();
        private final Map<String, AtomicInteger> doneByStrategy = new LinkedHashMap<>();
        private final List<Runnable> work = new ArrayList<>();
        private volatile Thread coordinator;
        private volatile ExecutorService pool;
        private volatile long startedNanos;

        Execution(RunPlan plan) {
            this.plan = plan;
            this.id = plan.id();
            plan.armIds().forEach(s -> doneByStrategy.put(s, new AtomicInteger()));
            Set<String> finished = store.doneKeys(id);
            store.results(id).forEach((strategy, results) -> results.forEach(r -> {
                done.incrementAndGet();
                doneByStrategy.computeIfAbsent(strategy, k -> new AtomicInteger()).incrementAndGet();
                errors.addAndGet(r.failed() ? 1 : 0);
                unparseable.addAndGet(r.unparseable() ? 1 : 0);
            }));
            // Repeat by repeat, so that a stopped run has whole passes over the cases rather than some cases repeated.
            for (int repeat = 0; repeat < plan.repeats(); repeat++) {
                for (Arm arm : plan.arms()) {
                    for (EvalCase c : plan.dataset().cases()) {
                        if (!finished.contains(EvaluationStore.doneKey(arm.id(), c.key(), repeat))) {
                            int r = repeat;
                            work.add(() -> runCase(arm, c, r));
                        }
                    }
                }
            }
        }

        void begin() {
            startedNanos = System.nanoTime();
            // Where the run starts from (cases done before a resume count): the first thing a subscriber hears.
            events.publish(id, EvaluationEvents.Event.progress(progress()));
            coordinator = Thread.ofPlatform().name("eval-" + id.substring(0, Math.min(8, id.length()))).daemon(true).start(this::coordinate);
        }

        private void coordinate() {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(plan.concurrency(),
                    r -> Thread.ofPlatform().name("eval-" + id.substring(0, Math.min(8, id.length())) + "-" + n.incrementAndGet()).daemon(true).unstarted(r));
            try {
                LOG.infof("evaluation %s: %d of %d cases to run, %d in flight", id, work.size(), plan.totalCases(), plan.concurrency());
                work.forEach(task -> pool.execute(() -> {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        // A case must never vanish silently: the run fails and says why.
                        LOG.errorf(t, "evaluation %s: a worker failed", id);
                        if (failed.compareAndSet(false, true)) {
                            fail("internal error: " + t);
                        }
                    }
                }));
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.debugf("evaluation %s: %s", id, progress());
                }
                if (!halted.get() && !failed.get()) {
                    complete();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.errorf(e, "evaluation %s failed", id);
                fail("internal error: " + e.getMessage());
            } finally {
                executions.remove(id, this);
            }
        }

        void halt() {
            halted.set(true);
            if (pool != null) {
                pool.shutdownNow();
            }
            if (coordinator != null) {
                coordinator.interrupt();
            }
            LOG.infof("evaluation %s halted after %d of %d cases", id, done.get(), plan.totalCases());
        }

        private void runCase(Arm arm, EvalCase c, int repeat) {
            if (stopped()) {
                return;
            }
            CaseResult result = trials.run(id, c, arm, repeat, plan.context(), this::stopped);
            if (result == null) {
                return;
            }
            if (stopped()) {
                return; // a halted run writes nothing more: its resume redoes this case
            }
            CaseResult finished = result;
            try {
                db(() -> {
                    store.saveCase(id, finished, replica.get());
                    return null;
                });
            } catch (RuntimeException e) {
                if (db(() -> store.countCase(id, arm.id(), c.key(), repeat)) == 1) {
                    LOG.debugf("evaluation %s case %s (%s, repeat %d) was already recorded", id, c.key(), arm.id(), repeat);
                    return;
                }
                throw e;
            }
            record(result);
        }

        private void record(CaseResult result) {
            done.incrementAndGet();
            doneHere.incrementAndGet();
            doneByStrategy.get(result.strategy()).incrementAndGet();
            unparseable.addAndGet(result.unparseable() ? 1 : 0);
            if (result.failed()) {
                errors.incrementAndGet();
                if (consecutiveErrors.incrementAndGet() >= config.maxConsecutiveErrors() && failed.compareAndSet(false, true)) {
                    fail(config.maxConsecutiveErrors() + " cases in a row failed; the last: " + result.error());
                    return;
                }
            } else {
                consecutiveErrors.set(0);
            }
            events.publish(id, EvaluationEvents.Event.progress(progress()));
        }

        private boolean stopped() {
            return halted.get() || failed.get() || Thread.currentThread().isInterrupted();
        }

        private void complete() {
            String metrics = metricsJson();
            db(() -> {
                store.finish(id, EvaluationStatus.COMPLETED, null, metrics);
                store.addCueCache(id, plan.context().cueCache().hits(), plan.context().cueCache().misses());
                return null;
            });
            LOG.infof("evaluation %s completed: %d cases", id, done.get());
            events.publish(id, EvaluationEvents.Event.completed(id));
        }

        private void fail(String error) {
            failed.set(true);
            if (pool != null) {
                pool.shutdown(); // cases in flight finish their call and write nothing (stopped())
            }
            String metrics;
            try {
                metrics = metricsJson();
            } catch (RuntimeException e) {
                LOG.warnf(e, "evaluation %s: no metrics for the failed run", id);
                metrics = null;
            }
            String partial = metrics;
            db(() -> {
                store.finish(id, EvaluationStatus.FAILED, error, partial);
                store.addCueCache(id, plan.context().cueCache().hits(), plan.context().cueCache().misses());
                return null;
            });
            LOG.warnf("evaluation %s failed: %s", id, error);
            events.publish(id, EvaluationEvents.Event.failed(id, error));
        }

        private String metricsJson() {
            return MetricsReport.json(plan, db(() -> store.results(id)), config);
        }

        Progress progress() {
            int total = plan.totalCases();
            int finished = Math.min(done.get(), total);
            int here = doneHere.get();
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            Double rate = here == 0 || seconds <= 0 ? null : Math.round(here / seconds * 1000) / 1000.0;
            Long eta = finished >= total ? Long.valueOf(0) : rate == null ? null : Math.round((total - finished) / rate);
            Map<String, Integer> byStrategy = new LinkedHashMap<>();
            doneByStrategy.forEach((k, v) -> byStrategy.put(k, v.get()));
            return new Progress(total, finished, errors.get(), unparseable.get(), total == 0 ? 100 : Math.round(finished * 1000.0 / total) / 10.0,
                    rate, eta, byStrategy);
        }
    }
}
