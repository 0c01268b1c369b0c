package io.affectra.eval;

/**
 * Rebuilds a stored run's plan, for one kind of run: evaluations ({@link RunPlanner}) and experiments. The runner
 * executes every kind the same way and asks the source of the record's kind, so the execution engine never depends on
 * what planned the run.
 */
public interface PlanSource {

    /** The {@code kind} of the records it plans. */
    String kind();

    RunPlan plan(EvaluationRecord record);
}
