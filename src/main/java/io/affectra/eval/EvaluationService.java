package io.affectra.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.analysis.NotFoundProblem;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The evaluation use cases: submit a run, look at it, list runs, resume one. */
@ApplicationScoped
public class EvaluationService {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final ObjectMapper OPTIONS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final EvaluationStore store;
    private final EvaluationRunner runner;
    private final RunPlanner planner;
    private final BuiltinDatasets builtins;
    private final EvalConfig config;
    private final BackendRegistry backends;

    public EvaluationService(EvaluationStore store, EvaluationRunner runner, RunPlanner planner, BuiltinDatasets builtins,
            EvalConfig config, BackendRegistry backends) {
        this.store = store;
        this.runner = runner;
        this.planner = planner;
        this.builtins = builtins;
        this.config = config;
        this.backends = backends;
    }

    /** The answer to a submission: the run's id and status, at once (the run goes on in the background). */
    public record Submitted(String id, EvaluationStatus status) {
    }

    /**
     * @param dataset  the uploaded JSONL bytes, or null when the options name a built-in dataset
     * @param filename the upload's name (for the run's name)
     */
    public Submitted submit(byte[] dataset, String filename, String optionsJson) {
        EvaluationOptions options = options(optionsJson);
        String text;
        String name;
        String mediaDir;
        if (options.dataset() != null) {
            if (dataset != null) {
                throw new InvalidRequestException("invalid-options", "send either a 'dataset' file or options.dataset (a built-in set), not both");
            }
            BuiltinDatasets.Builtin builtin = builtins.find(options.dataset()).orElseThrow(() -> new InvalidRequestException("unknown-dataset",
                    "no built-in dataset '" + options.dataset() + "'; built in: " + String.join(", ", builtins.list().stream().map(BuiltinDatasets.Builtin::name).toList())));
            if (options.format() != null && options.format() != builtin.format()) {
                throw new InvalidRequestException("invalid-options", "the built-in dataset '" + builtin.name() + "' is in format " + builtin.format().id());
            }
            text = builtins.text(builtin);
            name = builtin.name();
            mediaDir = BuiltinDatasets.FOLDER;
            optionsJson = write(withFormat(options, builtin.format()));
        } else {
            if (dataset == null) {
                throw new InvalidRequestException("missing-dataset", "Send the JSONL file as a multipart part named 'dataset', or name a built-in set in options.dataset.");
            }
            if (dataset.length > config.maxDatasetBytes()) {
                throw new InvalidRequestException("dataset-too-large", "The dataset has " + dataset.length + " bytes; the limit is "
                        + config.maxDatasetBytes() + " (affectra.eval.max-dataset-bytes).");
            }
            text = new String(dataset, StandardCharsets.UTF_8);
            name = filename == null || filename.isBlank() ? "dataset.jsonl" : filename;
            mediaDir = options.mediaDir();
            optionsJson = write(options);
        }
        EvaluationOptions stored = read(optionsJson);
        String id = UUID.randomUUID().toString();
        RunPlan plan = planner.plan(id, text, stored, mediaDir); // validates everything before anything is stored
        EvaluationRecord record = new EvaluationRecord();
        record.id = id;
        record.createdAt = Instant.now();
        record.updatedAt = record.createdAt;
        record.status = EvaluationStatus.RUNNING.id();
        record.format = plan.format().id();
        record.datasetName = stored.name() == null || stored.name().isBlank() ? name : stored.name();
        record.datasetSha256 = sha256(text);
        record.datasetJsonl = text;
        record.mediaDir = mediaDir;
        record.optionsJson = optionsJson;
        record.totalCases = plan.totalCases();
        store.create(record);
        runner.start(id);
        return new Submitted(id, EvaluationStatus.RUNNING);
    }

    public EvaluationView view(String id) {
        EvaluationRecord r = store.find(id, RunPlanner.KIND).orElseThrow(() -> new NotFoundProblem("evaluation-not-found", "No evaluation with id " + id + "."));
        EvaluationOptions options = read(r.optionsJson);
        EvaluationStatus status = EvaluationStatus.of(r.status);
        Dataset dataset = DatasetReader.read(r.datasetJsonl, DatasetFormat.of(r.format));
        if (options.limit() != null) {
            dataset = dataset.limit(options.limit());
        }
        List<String> strategies = options.strategyIds().stream().distinct().toList();
        Map<String, List<CaseResult>> results = store.results(id);
        MetricsReport report = status == EvaluationStatus.COMPLETED && r.metricsJson != null ? readReport(r.metricsJson)
                : MetricsReport.of(dataset.format(), strategies, results, dataset.labels(), config.bootstrapSamples(), config.bootstrapSeed());
        Object metrics = strategies.size() == 1 ? report.byStrategy().get(strategies.get(0)) : report.byStrategy();
        Progress progress = runner.progress(id).orElseGet(() -> Progress.stored(r.totalCases, strategies, results));
        return new EvaluationView(r.id, r.datasetName, status, dataset.format(),
                new EvaluationView.DatasetInfo(r.datasetName, dataset.items(), dataset.cases().size(), r.datasetSha256),
                options.backend() == null ? backends.defaultName() : options.backend(), strategies, options, r.createdAt, r.completedAt, progress,
                metrics, report.comparisons().isEmpty() ? null : report.comparisons(), status != EvaluationStatus.COMPLETED, r.error);
    }

    /** A short line per run, newest first. */
    public List<Map<String, Object>> list(int limit) {
        return store.list(RunPlanner.KIND, limit).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("name", r.datasetName);
            m.put("status", r.status);
            m.put("format", r.format);
            m.put("totalCases", r.totalCases);
            m.put("createdAt", r.createdAt);
            m.put("completedAt", r.completedAt);
            return m;
        }).toList();
    }

    public List<CaseResult> cases(String id, String strategy, int offset, int limit) {
        store.find(id, RunPlanner.KIND).orElseThrow(() -> new NotFoundProblem("evaluation-not-found", "No evaluation with id " + id + "."));
        return store.page(id, strategy, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }

    /** Runs the unfinished cases of a run that failed or is not executing (its failed cases are tried again). */
    public Submitted resume(String id) {
        EvaluationRecord r = store.find(id, RunPlanner.KIND).orElseThrow(() -> new NotFoundProblem("evaluation-not-found", "No evaluation with id " + id + "."));
        if (EvaluationStatus.of(r.status) == EvaluationStatus.COMPLETED) {
            throw new InvalidRequestException("evaluation-completed", "Evaluation " + id + " is completed; nothing to resume.");
        }
        if (!runner.executing(id)) {
            store.reopen(id);
            runner.start(id);
        }
        return new Submitted(id, EvaluationStatus.RUNNING);
    }

    private static EvaluationOptions options(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("invalid-options", "The 'options' part is required (JSON with at least 'format', or 'dataset' for a built-in set).");
        }
        try {
            return OPTIONS.readValue(json, EvaluationOptions.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid-options", "The 'options' part is not valid: " + e.getOriginalMessage());
        }
    }

    private static EvaluationOptions withFormat(EvaluationOptions o, DatasetFormat format) {
        return new EvaluationOptions(format, o.dataset(), o.backend(), o.strategy(), o.strategies(), o.concurrency(), o.labels(), o.judgeBackend(),
                o.mediaDir(), o.limit(), o.explain(), o.name());
    }

    private static EvaluationOptions read(String json) {
        try {
            return OPTIONS.readValue(json, EvaluationOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored options unreadable", e);
        }
    }

    private static MetricsReport readReport(String json) {
        try {
            return JSON.readValue(json, MetricsReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metrics unreadable", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
