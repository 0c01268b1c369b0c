package io.affectra.eval;

import io.affectra.eval.metrics.DatasetFormat;
import java.util.List;

/**
 * Everything a run needs, rebuilt from its stored record on every start or resume.
 *
 * @param repeats how often each case is answered per arm (1 for an evaluation)
 */
public record RunPlan(String id, DatasetFormat format, Dataset dataset, List<Arm> arms, int repeats, int concurrency, CaseRunner.RunContext context) {

    public RunPlan {
        arms = List.copyOf(arms);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
    }

    public int totalCases() {
        return dataset.cases().size() * arms.size() * repeats;
    }

    public List<String> armIds() {
        return arms.stream().map(Arm::id).toList();
    }
}
