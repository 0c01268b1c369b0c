package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a run is.
 *
 * @param done           cases finished (over all strategies), including those finished before a resume
 * @param errors         finished cases whose backend kept failing (no answer)
 * @param unparseable    finished cases whose reply had no readable answer
 * @param casesPerSecond over the cases this process finished for the run (null until one finished)
 * @param etaSeconds     remaining cases at that rate (null while unknown; 0 when done)
 */
public record Progress(int total, int done, int errors, int unparseable, double percent, Double casesPerSecond, Long etaSeconds,
        Map<String, Integer> doneByStrategy) {

    /** The progress of a run that is not executing here, from its stored trials: no rate, no ETA until done. */
    public static Progress stored(int total, List<String> arms, Map<String, List<CaseResult>> results) {
        Map<String, Integer> byArm = new LinkedHashMap<>();
        results.forEach((arm, trials) -> byArm.put(arm, trials.size()));
        List<CaseResult> all = results.values().stream().flatMap(List::stream).toList();
        return counted(total, arms, byArm, (int) all.stream().filter(CaseResult::failed).count(),
                (int) all.stream().filter(CaseResult::unparseable).count());
    }

    /** The progress of a run from its trials counted per arm (with replicas, from the database): no rate, no ETA until done. */
    public static Progress counted(int total, List<String> arms, Map<String, Integer> storedByArm, int errors, int unparseable) {
        Map<String, Integer> byArm = new LinkedHashMap<>();
        arms.forEach(a -> byArm.put(a, storedByArm.getOrDefault(a, 0)));
        int done = Math.min(storedByArm.values().stream().mapToInt(Integer::intValue).sum(), total);
        return new Progress(total, done, errors, unparseable, total == 0 ? 100 : Math.round(done * 1000.0 / total) / 10.0, null,
                done >= total ? Long.valueOf(0) : null, byArm);
    }
}
