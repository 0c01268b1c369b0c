package io.affectra.experiment;

import io.affectra.analysis.InvalidRequestException;
import io.affectra.analysis.NotFoundProblem;
import io.affectra.eval.BuiltinDatasets;
import io.affectra.eval.CaseRunner;
import io.affectra.eval.EvalConfig;
import io.affectra.eval.EvaluationRecord;
import io.affectra.eval.EvaluationRunner;
import io.affectra.eval.EvaluationStatus;
import io.affectra.eval.EvaluationStore;
import io.affectra.eval.Progress;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.media.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The experiment use cases: submit (or dry-run) a spec, look at an experiment, list, resume, cancel. An experiment is
 * stored and executed as a run of the evaluation engine whose arms are its cells, so it persists trial by trial and
 * resumes after a crash exactly as an evaluation does.
 */
@ApplicationScoped
public class ExperimentService {

    /** The answer to a submission. */
    public record Submitted(String id, String status, int cells, long trials, List<String> warnings) {
    }

    /** A stored experiment planned again: the record, its plan and cells. */
    record Loaded(EvaluationRecord record, ExperimentPlanner.Planned planned) {
    }

    private final ExperimentPlanner planner;
    private final EvaluationStore store;
    private final EvaluationRunner runner;
    private final BuiltinDatasets builtins;
    private final CaseRunner cases;
    private final EvalConfig evalConfig;
    private final ExperimentConfig config;

    public ExperimentService(ExperimentPlanner planner, EvaluationStore store, EvaluationRunner runner, BuiltinDatasets builtins, CaseRunner cases,
            EvalConfig evalConfig, ExperimentConfig config) {
        this.planner = planner;
        this.store = store;
        this.runner = runner;
        this.builtins = builtins;
        this.cases = cases;
        this.evalConfig = evalConfig;
        this.config = config;
    }

    /**
     * Plans the spec over its dataset and starts it, or, for a dry run, reports what it would do.
     *
     * @param dataset  the uploaded JSONL, or null when the spec names a built-in set
     * @return a {@link Submitted}, or a {@link DryRun.Report} for a dry run
     */
    public Object submit(ExperimentSpec declared, byte[] dataset, String filename) {
        ExperimentSpec spec = declared;
        String text;
        String datasetName;
        String mediaDir;
        if (spec.dataset() != null && dataset == null) {
            BuiltinDatasets.Builtin builtin = builtins.find(declared.dataset()).orElseThrow(() -> new InvalidRequestException("unknown-dataset",
                    "no built-in dataset '" + declared.dataset() + "'; built in: "
                            + String.join(", ", builtins.list().stream().map(BuiltinDatasets.Builtin::name).toList())));
            if (spec.format() != null && spec.format() != builtin.format()) {
                throw new InvalidRequestException("invalid-experiment", "the built-in dataset '" + builtin.name() + "' is in format " + builtin.format().id());
            }
            spec = spec.withFormat(builtin.format());
            text = builtins.text(builtin);
            datasetName = builtin.name();
            mediaDir = BuiltinDatasets.FOLDER;
        } else {
            if (dataset == null) {
                throw new InvalidRequestException("missing-dataset",
                        "Name a built-in dataset in the spec's 'dataset', or send the JSONL as a multipart part named 'dataset'.");
            }
            if (dataset.length > evalConfig.maxDatasetBytes()) {
                throw new InvalidRequestException("dataset-too-large", "The dataset has " + dataset.length + " bytes; the limit is "
                        + evalConfig.maxDatasetBytes() + " (affectra.eval.max-dataset-bytes).");
            }
            text = new String(dataset, StandardCharsets.UTF_8);
            datasetName = filename == null || filename.isBlank() ? spec.dataset() == null ? "dataset.jsonl" : spec.dataset() : filename;
            mediaDir = spec.mediaDir();
        }
        String id = UUID.randomUUID().toString();
        ExperimentPlanner.Planned planned = planner.plan(id, spec, text, mediaDir);
        if (spec.isDryRun()) {
            return DryRun.of(planned, cases, config.dryRunCases());
        }
        EvaluationRecord record = new EvaluationRecord();
        record.id = id;
        record.kind = ExperimentPlanner.KIND;
        record.createdAt = Instant.now();
        record.updatedAt = record.createdAt;
        record.status = EvaluationStatus.RUNNING.id();
        record.format = planned.plan().format().id();
        record.datasetName = spec.name() == null || spec.name().isBlank() ? datasetName : spec.name();
        record.datasetSha256 = Sha256.of(text);
        record.datasetJsonl = text;
        record.mediaDir = mediaDir;
        record.optionsJson = ExperimentPlanner.store(planned);
        record.totalCases = planned.plan().totalCases();
        store.create(record);
        runner.start(id);
        return new Submitted(id, EvaluationStatus.RUNNING.id(), planned.cells().size(), planned.plan().totalCases(), planned.warnings());
    }

    Loaded load(String id) {
        EvaluationRecord r = store.find(id, ExperimentPlanner.KIND)
                .orElseThrow(() -> new NotFoundProblem("experiment-not-found", "No experiment with id " + id + "."));
        ExperimentPlanner.Stored stored = ExperimentPlanner.stored(r.optionsJson);
        return new Loaded(r, planner.plan(r.id, stored.spec(), r.datasetJsonl, r.mediaDir));
    }

    public ExperimentView view(String id) {
        Loaded loaded = load(id);
        EvaluationRecord r = loaded.record();
        ExperimentPlanner.Planned p = loaded.planned();
        Map<String, List<CaseResult>> trials = store.results(id);
        ExperimentReport.Built built = ExperimentReport.build(p.plan().format(), p.cells(), p.baseline(), trials, p.dataset().labels(),
                p.spec().gates(), evalConfig.bootstrapSamples(), evalConfig.bootstrapSeed());
        Progress progress = runner.progress(id).orElseGet(() -> Progress.stored(r.totalCases, p.plan().armIds(), trials));
        long[] live = runner.cueCache(id).orElse(new long[2]);
        return new ExperimentView(r.id, r.datasetName, r.status, p.plan().format(),
                new ExperimentView.DatasetInfo(r.datasetName, p.dataset().items(), p.dataset().cases().size(), r.datasetSha256), p.baseline(),
                p.plan().repeats(), progress, new ExperimentView.CueCache(r.cueCacheHits + live[0], r.cueCacheMisses + live[1]), built.cells(),
                built.comparisons(), built.gates().isEmpty() ? null : built.gates(), built.gatesPassed(), p.warnings().isEmpty() ? null : p.warnings(),
                r.createdAt, r.completedAt, r.error);
    }

    /** Each ablated cell against its un-ablated partner (see {@link ExperimentReport#ablations}). */
    public List<ExperimentView.ComparisonView> ablations(String id) {
        ExperimentPlanner.Planned p = load(id).planned();
        return ExperimentReport.ablations(p.plan().format(), p.cells(), store.results(id), evalConfig.bootstrapSamples(), evalConfig.bootstrapSeed());
    }

    /** A short line per experiment, newest first. */
    public List<Map<String, Object>> list(int limit) {
        return store.list(ExperimentPlanner.KIND, limit).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("name", r.datasetName);
            m.put("status", r.status);
            m.put("format", r.format);
            m.put("trials", r.totalCases);
            m.put("createdAt", r.createdAt);
            m.put("completedAt", r.completedAt);
            return m;
        }).toList();
    }

    /** Every stored trial by cell, in case order. */
    public Map<String, List<CaseResult>> trials(String id) {
        load(id);
        return store.results(id);
    }

    /** Runs the trials a failed, cancelled or stalled experiment has not finished (failed trials are tried again). */
    public Submitted resume(String id) {
        Loaded loaded = load(id);
        EvaluationRecord r = loaded.record();
        if (EvaluationStatus.of(r.status) == EvaluationStatus.COMPLETED) {
            throw new InvalidRequestException("experiment-completed", "Experiment " + id + " is completed; nothing to resume.");
        }
        if (!runner.executing(id)) {
            store.reopen(id);
            runner.start(id);
        }
        return new Submitted(id, EvaluationStatus.RUNNING.id(), loaded.planned().cells().size(), r.totalCases, List.of());
    }

    /** Stops a running experiment; what finished stays, and it can be resumed. */
    public Submitted cancel(String id) {
        Loaded loaded = load(id);
        EvaluationRecord r = loaded.record();
        if (EvaluationStatus.of(r.status) != EvaluationStatus.RUNNING) {
            throw new InvalidRequestException("experiment-not-running", "Experiment " + id + " is " + r.status + "; only a running one can be cancelled.");
        }
        runner.cancel(id);
        return new Submitted(id, EvaluationStatus.CANCELLED.id(), loaded.planned().cells().size(), r.totalCases, List.of());
    }
}
