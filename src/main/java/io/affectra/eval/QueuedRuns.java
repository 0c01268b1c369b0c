package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import io.affectra.work.Broker;
import io.affectra.work.ReplicaId;
import io.affectra.work.WorkConfig;
import io.affectra.work.WorkHandler;
import io.affectra.work.WorkItem;
import io.affectra.work.WorkUnavailableException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs in {@code rabbitmq} mode: a run's trials are work items on the broker's queue, and every replica that shares the
 * database works on them.
 * <ul>
 * <li>Enqueueing: one replica at a time holds a run's claim (a lease on its row); it enqueues the trials that have no
 * row and records that it did. The replica that accepted the run claims it first; a run whose claimant died before its
 * items were all confirmed is claimed by another replica when the lease has run out (at start-up, after reconnecting
 * to the broker, or in the periodic sweep).</li>
 * <li>Working: an item is answered like every trial ({@link TrialExecutor}), its row written with the replica's name
 * and only then acknowledged. A second delivery of an item that has its row is acknowledged without work; items of a
 * run that is no longer running are dropped.</li>
 * <li>Ending: after each row the run's stored counts are published as progress (to every replica, through the
 * broker); the replica that stores the last trial completes the run, and a conditional update makes that happen once.
 * Items the broker dead-lettered (their delivery limit reached) are stored as failed trials, so the run still ends.</li>
 * </ul>
 */
@ApplicationScoped
public class QueuedRuns implements WorkHandler {

    private static final Logger LOG = Logger.getLogger(QueuedRuns.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final EvaluationStore store;
    private final RunPlans plans;
    private final TrialExecutor trials;
    private final EvaluationEvents events;
    private final EvalConfig config;
    private final WorkConfig work;
    private final Broker broker;
    private final ReplicaId replica;
    /** Plans of the runs this replica has worked on lately, rebuilt from the stored record once per run. */
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    public QueuedRuns(EvaluationStore store, RunPlans plans, TrialExecutor trials, EvaluationEvents events, EvalConfig config, WorkConfig work,
            Broker broker, ReplicaId replica) {
        this.store = store;
        this.plans = plans;
        this.trials = trials;
        this.events = events;
        this.config = config;
        this.work = work;
        this.broker = broker;
        this.replica = replica;
    }

    public boolean enabled() {
        return broker.enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled()) {
            return;
        }
        broker.handleWith(this);
        broker.onConnect(this::endFollowedRunsThatEnded);
        if (config.resumeOnStart()) {
            broker.onConnect(this::dispatchPending);
            broker.periodically(this::dispatchPending);
        }
    }

    /**
     * After a reconnection: the runs followed here that ended while this replica heard no events get their end from the
     * database, so that no stream waits for an event that went by.
     */
    private void endFollowedRunsThatEnded() {
        for (String id : events.unfinished()) {
            store.find(id).ifPresent(r -> {
                switch (EvaluationStatus.of(r.status)) {
                    case COMPLETED -> events.publishHere(id, EvaluationEvents.Event.completed(id));
                    case FAILED -> events.publishHere(id, EvaluationEvents.Event.failed(id, r.error));
                    case CANCELLED -> events.publishHere(id, EvaluationEvents.Event.cancelled(id));
                    default -> {
                    }
                }
            });
        }
    }

    /** Enqueues the runs whose items are not all on the queue and whose claim is free (or ours). */
    public List<String> dispatchPending() {
        List<String> dispatched = new ArrayList<>();
        for (String id : store.undispatched()) {
            if (dispatch(id)) {
                dispatched.add(id);
            }
        }
        return dispatched;
    }

    /**
     * Enqueues the run's trials that have no row, if this replica gets the claim.
     *
     * @return whether this replica enqueued them
     */
    public boolean dispatch(String id) {
        Instant now = Instant.now();
        if (!store.claimDispatch(id, replica.get(), now, now.plus(work.dispatchLease()))) {
            return false;
        }
        EvaluationRecord record = store.find(id).orElseThrow();
        RunPlan plan;
        try {
            plan = plans.plan(record);
        } catch (RuntimeException e) {
            LOG.errorf(e, "evaluation %s cannot be planned", id);
            if (store.finishIfRunning(id, EvaluationStatus.FAILED, "cannot be run any more: " + e.getMessage(), null)) {
                events.publish(id, EvaluationEvents.Event.failed(id, e.getMessage()));
            }
            return false;
        }
        Set<String> finished = store.doneKeys(id);
        List<WorkItem> items = new ArrayList<>();
        // Repeat by repeat, as on one process: the queue hands out whole passes over the cases first.
        for (int repeat = 0; repeat < plan.repeats(); repeat++) {
            for (Arm arm : plan.arms()) {
                for (EvalCase c : plan.dataset().cases()) {
                    if (!finished.contains(EvaluationStore.doneKey(arm.id(), c.key(), repeat))) {
                        items.add(new WorkItem(id, arm.id(), c.key(), repeat));
                    }
                }
            }
        }
        events.follow(id);
        try {
            broker.enqueue(items);
        } catch (WorkUnavailableException e) {
            // The claim stays ours until it runs out; after reconnecting, or on another replica, the run is enqueued again.
            LOG.warnf("evaluation %s: its %d items wait for the broker (%s)", id, items.size(), e.getMessage());
            return false;
        }
        store.dispatched(id, replica.get(), items.size());
        LOG.infof("evaluation %s: %d of %d trials enqueued by replica %s", id, items.size(), plan.totalCases(), replica.get());
        publishProgress(id, plan.totalCases(), plan.armIds());
        if (items.isEmpty()) {
            complete(id, plan);
        }
        return true;
    }

    @Override
    public Outcome handle(WorkItem item, boolean redelivered) {
        // The status only (the record holds the whole dataset): read for every item, so a cancelled run stops at once.
        if (store.status(item.runId()).orElse(null) != EvaluationStatus.RUNNING) {
            Active ended = active.remove(item.runId());
            if (ended != null) {
                ended.flushCueCache(store);
            }
            return Outcome.DONE; // deleted, cancelled, failed or completed: its items are not wanted any more
        }
        if (store.countCase(item.runId(), item.arm(), item.caseKey(), item.repeat()) > 0) {
            return Outcome.DONE; // stored by a replica whose acknowledgement was lost
        }
        Active run = active(item.runId());
        Arm arm = run.arms.get(item.arm());
        EvalCase c = run.cases.get(item.caseKey());
        if (arm == null || c == null || item.repeat() >= run.plan.repeats()) {
            LOG.warnf("evaluation %s has no trial %s / %s / %d; the item is dropped", item.runId(), item.arm(), item.caseKey(), item.repeat());
            return Outcome.DONE;
        }
        CaseResult result = trials.run(item.runId(), c, arm, item.repeat(), run.plan.context(), () -> Thread.currentThread().isInterrupted());
        if (result == null) {
            return Outcome.REQUEUE; // this replica is stopping: another one answers it
        }
        if (!save(item, result)) {
            return Outcome.DONE;
        }
        recorded(run, result);
        return Outcome.DONE;
    }

    @Override
    public boolean deadLettered(WorkItem item, String reason) {
        if (store.status(item.runId()).orElse(null) != EvaluationStatus.RUNNING) {
            return true;
        }
        Active run;
        try {
            run = active(item.runId());
        } catch (RuntimeException e) {
            // Its plan cannot be rebuilt (a backend or media gone): no trial of the run can be answered any more.
            String error = "cannot be run any more: " + e.getMessage();
            if (store.finishIfRunning(item.runId(), EvaluationStatus.FAILED, error, null)) {
                LOG.errorf("evaluation %s failed: %s", item.runId(), error);
                events.publish(item.runId(), EvaluationEvents.Event.failed(item.runId(), error));
            }
            return true;
        }
        Arm arm = run.arms.get(item.arm());
        EvalCase c = run.cases.get(item.caseKey());
        if (arm == null || c == null) {
            return true;
        }
        LOG.errorf("evaluation %s: trial %s / %s / %d %s; recorded as failed", item.runId(), item.arm(), item.caseKey(), item.repeat(), reason);
        if (save(item, CaseRunner.failed(c, arm, item.repeat(), reason, System.nanoTime()))) {
            recorded(run, null);
        }
        return true;
    }

    /** The run as this replica works on it, planned from its record the first time. */
    private Active active(String runId) {
        return active.computeIfAbsent(runId, id -> new Active(plans.plan(store.find(id).orElseThrow())));
    }

    /** Writes the trial's row; false when it was there already (another replica stored it first). */
    private boolean save(WorkItem item, CaseResult result) {
        try {
            store.saveCase(item.runId(), result, replica.get());
            return true;
        } catch (RuntimeException e) {
            if (store.countCase(item.runId(), item.arm(), item.caseKey(), item.repeat()) == 1) {
                return false;
            }
            throw e;
        }
    }

    /** After a row: progress to every replica, the run's end if it was the last, a failed run after too many errors in a row. */
    private void recorded(Active run, CaseResult result) {
        String id = run.plan.id();
        if (result != null && result.failed()) {
            if (run.consecutiveErrors.incrementAndGet() >= config.maxConsecutiveErrors()) {
                String error = config.maxConsecutiveErrors() + " cases in a row failed; the last: " + result.error();
                if (store.finishIfRunning(id, EvaluationStatus.FAILED, error, metricsOrNull(run.plan))) {
                    LOG.warnf("evaluation %s failed: %s", id, error);
                    events.publish(id, EvaluationEvents.Event.failed(id, error));
                }
                return;
            }
        } else if (result != null) {
            run.consecutiveErrors.set(0);
        }
        // The cue-cache counts this replica made go to the run's row when they changed (only trials that read media change
        // them), so no replica's counts are lost when another one ends the run. Every row is counted for the end;
        // progress goes out a few times a second at most, so that replicas do not flood each other with events.
        run.flushCueCache(store);
        boolean last = store.countCases(id) >= run.plan.totalCases();
        if (last || run.progressDue(System.nanoTime())) {
            publishProgress(id, run.plan.totalCases(), run.plan.armIds());
        }
        if (last) {
            complete(id, run.plan);
        }
    }

    private void publishProgress(String id, int total, List<String> arms) {
        EvaluationStore.Counts counts = store.counts(id);
        events.publish(id, EvaluationEvents.Event.progress(Progress.counted(total, arms, counts.byArm(), counts.errors(), counts.unparseable())));
    }

    private void complete(String id, RunPlan plan) {
        if (store.finishIfRunning(id, EvaluationStatus.COMPLETED, null, metricsJson(plan))) {
            LOG.infof("evaluation %s completed on replica %s", id, replica.get());
            events.publish(id, EvaluationEvents.Event.completed(id));
        }
        active.remove(id);
    }

    private String metricsOrNull(RunPlan plan) {
        try {
            return metricsJson(plan);
        } catch (RuntimeException e) {
            LOG.warnf(e, "evaluation %s: no metrics for the failed run", plan.id());
            return null;
        }
    }

    private String metricsJson(RunPlan plan) {
        return MetricsReport.json(plan, store.results(plan.id()), config);
    }

    /** A run this replica works on: its plan, its arms and cases by name, and its errors in a row here. */
    private static final class Active {

        final RunPlan plan;
        final Map<String, Arm> arms = new HashMap<>();
        final Map<String, EvalCase> cases = new HashMap<>();
        final AtomicInteger consecutiveErrors = new AtomicInteger();
        final AtomicLong lastProgress = new AtomicLong(System.nanoTime() - PROGRESS_EVERY_NANOS);
        private long hitsStored;
        private long missesStored;

        Active(RunPlan plan) {
            this.plan = plan;
            plan.arms().forEach(a -> arms.put(a.id(), a));
            plan.dataset().cases().forEach(c -> cases.put(c.key(), c));
        }

        /** Whether a progress event is due; if so, this caller takes the turn. */
        boolean progressDue(long now) {
            long then = lastProgress.get();
            return now - then >= PROGRESS_EVERY_NANOS && lastProgress.compareAndSet(then, now);
        }

        /** Adds the cue-cache counts this replica made since the last time to the run's (each replica counts its own). */
        synchronized void flushCueCache(EvaluationStore store) {
            long hits = plan.context().cueCache().hits();
            long misses = plan.context().cueCache().misses();
            if (hits != hitsStored || misses != missesStored) {
                store.addCueCache(plan.id(), hits - hitsStored, misses - missesStored);
                hitsStored = hits;
                missesStored = misses;
            }
        }
    }
}
