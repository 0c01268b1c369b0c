package io.affectra.eval;

import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.reasoning.Strategy;
import java.util.List;

/** Everything a run needs, rebuilt from its stored record on every start or resume. */
public record RunPlan(String id, DatasetFormat format, Dataset dataset, List<Strategy> strategies, int concurrency, CaseRunner.RunContext context) {

    public int totalCases() {
        return dataset.cases().size() * strategies.size();
    }

    public List<String> strategyIds() {
        return strategies.stream().map(Strategy::id).toList();
    }
}
