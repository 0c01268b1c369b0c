package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.eval.metrics.DatasetFormat;
import java.util.List;

/**
 * An experiment as declared (YAML or JSON): which cases, and which variants x backends x strategies x parameters x
 * ablations to answer them with. Missing dimensions take one default value (the shipped templates, the default
 * backend, {@code direct}, the backend's parameters, no ablation); every ablation adds cells that are the same but
 * without that evidence.
 *
 * @param dataset  a built-in dataset's name; null when the dataset is uploaded with the spec
 * @param format   the uploaded dataset's format (a built-in one has its own)
 * @param limit    only the first cases
 * @param baseline the cell the others are compared with ({@code c1}, the default)
 * @param gates    CI conditions ({@code accuracy >= 0.6}, {@code accuracy regression <= 0.02}); see {@link Gate}
 * @param cache    whether backend replies may come from the completion cache (default true)
 * @param dryRun   render and count, call nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(
        String name,
        String dataset,
        DatasetFormat format,
        String mediaDir,
        Integer limit,
        List<String> labels,
        List<VariantSpec> variants,
        List<String> backends,
        List<String> strategies,
        ParamGrid params,
        List<String> ablations,
        Integer repeats,
        String baseline,
        Integer concurrency,
        List<String> gates,
        String judgeBackend,
        Boolean cache,
        Boolean dryRun) {

    public int repeatCount() {
        return repeats == null ? 1 : repeats;
    }

    public boolean cacheOn() {
        return cache == null || cache;
    }

    public boolean isDryRun() {
        return dryRun != null && dryRun;
    }

    /** The same spec as a real run (what is stored). */
    public ExperimentSpec asRun() {
        return new ExperimentSpec(name, dataset, format, mediaDir, limit, labels, variants, backends, strategies, params, ablations, repeats, baseline,
                concurrency, gates, judgeBackend, cache, null);
    }

    public ExperimentSpec asDryRun() {
        return new ExperimentSpec(name, dataset, format, mediaDir, limit, labels, variants, backends, strategies, params, ablations, repeats, baseline,
                concurrency, gates, judgeBackend, cache, true);
    }

    public ExperimentSpec withFormat(DatasetFormat value) {
        return new ExperimentSpec(name, dataset, value, mediaDir, limit, labels, variants, backends, strategies, params, ablations, repeats, baseline,
                concurrency, gates, judgeBackend, cache, dryRun);
    }
}
