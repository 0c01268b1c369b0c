package io.affectra.eval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Rebuilds a stored run's plan with the {@link PlanSource} of its kind. */
@ApplicationScoped
public class RunPlans {

    private final Instance<PlanSource> sources;

    public RunPlans(@Any Instance<PlanSource> sources) {
        this.sources = sources;
    }

    public RunPlan plan(EvaluationRecord record) {
        for (PlanSource source : sources) {
            if (source.kind().equals(record.kind)) {
                return source.plan(record);
            }
        }
        throw new IllegalStateException("no planner for runs of kind '" + record.kind + "'");
    }
}
