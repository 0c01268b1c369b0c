package io.affectra.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.cue.Ablation;
import io.affectra.eval.Arm;
import io.affectra.eval.CaseEvidence;
import io.affectra.eval.CaseRunner;
import io.affectra.eval.Dataset;
import io.affectra.eval.DatasetReader;
import io.affectra.eval.EvalConfig;
import io.affectra.eval.EvaluationRecord;
import io.affectra.eval.PlanSource;
import io.affectra.eval.RunPlan;
import io.affectra.eval.RunPlanner;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendRegistry;
import io.affectra.llm.Sampling;
import io.affectra.llm.SharedCompletionCache;
import io.affectra.reasoning.CallSettings;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.reasoning.UnsupportedStrategyException;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a spec and its dataset into cells and a {@link RunPlan} for the evaluation engine, checking everything first:
 * variants against the templates they replace, backends, strategies (closed questions need one that answers them),
 * the dataset, the media, the size. A stored experiment is planned again on every start or resume, and refused if a
 * variant's text changed since it started (its trials would no longer be comparable).
 */
@ApplicationScoped
public class ExperimentPlanner implements PlanSource {

    public static final String KIND = "experiment";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** What is stored with the run: the spec, and each cell's variant hash at submission. */
    public record Stored(ExperimentSpec spec, Map<String, String> variantSha256) {
    }

    /** A planned experiment. */
    public record Planned(ExperimentSpec spec, Dataset dataset, List<Cell> cells, RunPlan plan, String baseline, List<String> warnings) {
    }

    private final VariantResolver variants;
    private final BackendRegistry backends;
    private final StrategyRegistry strategies;
    private final RunPlanner runs;
    private final EvalConfig evalConfig;
    private final ExperimentConfig config;
    private final SharedCompletionCache completions;

    public ExperimentPlanner(VariantResolver variants, BackendRegistry backends, StrategyRegistry strategies, RunPlanner runs, EvalConfig evalConfig,
            ExperimentConfig config, SharedCompletionCache completions) {
        this.variants = variants;
        this.backends = backends;
        this.strategies = strategies;
        this.runs = runs;
        this.evalConfig = evalConfig;
        this.config = config;
        this.completions = completions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public RunPlan plan(EvaluationRecord record) {
        Stored stored = stored(record.optionsJson);
        Planned planned = plan(record.id, stored.spec(), record.datasetJsonl, record.mediaDir);
        for (Cell cell : planned.cells()) {
            String then = stored.variantSha256().get(cell.id());
            if (then != null && !then.equals(String.valueOf(cell.variant().sha256()))) {
                throw new IllegalStateException("the prompt variant of cell " + cell.id() + " (" + cell.variant().name()
                        + ") changed since the experiment started; its trials would no longer be comparable");
            }
        }
        return planned.plan();
    }

    public static Stored stored(String json) {
        try {
            return JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored experiment unreadable: " + e.getOriginalMessage(), e);
        }
    }

    public static String store(Planned planned) {
        Map<String, String> shas = new LinkedHashMap<>();
        planned.cells().forEach(c -> shas.put(c.id(), String.valueOf(c.variant().sha256())));
        try {
            return JSON.writeValueAsString(new Stored(planned.spec().asRun(), shas));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param spec with its format set (a built-in dataset's own, or the upload's declared one) */
    public Planned plan(String id, ExperimentSpec spec, String datasetText, String mediaDir) {
        DatasetFormat format = spec.format();
        if (format == null) {
            throw invalid("'format' is required for an uploaded dataset: pair, choice, label or open");
        }
        Dataset dataset = DatasetReader.read(datasetText, format);
        if (spec.limit() != null) {
            if (spec.limit() < 1) {
                throw invalid("'limit' must be at least 1");
            }
            dataset = dataset.limit(spec.limit());
        }
        int repeats = spec.repeatCount();
        if (repeats < 1 || repeats > 100) {
            throw invalid("'repeats' must be 1 to 100");
        }
        List<Cell> cells = cells(spec, format.closedQuestions(), repeats);
        if (cells.size() > config.maxCells()) {
            throw new InvalidRequestException("experiment-too-large", "The spec makes " + cells.size() + " cells; the limit is " + config.maxCells()
                    + " (affectra.experiments.max-cells).");
        }
        long trials = (long) dataset.cases().size() * cells.size() * repeats;
        if (trials > config.maxTrials()) {
            throw new InvalidRequestException("experiment-too-large", "The spec makes " + trials + " trials (" + dataset.cases().size() + " cases x "
                    + cells.size() + " cells x " + repeats + " repeats); the limit is " + config.maxTrials() + " (affectra.experiments.max-trials).");
        }
        String baseline = spec.baseline() == null ? cells.get(0).id() : spec.baseline();
        if (cells.stream().noneMatch(c -> c.id().equals(baseline))) {
            throw invalid("'baseline' names no cell: " + baseline + " (cells are c1 to c" + cells.size() + ")");
        }
        int concurrency = spec.concurrency() == null ? evalConfig.defaultConcurrency() : spec.concurrency();
        if (concurrency < 1 || concurrency > evalConfig.maxConcurrency()) {
            throw invalid("'concurrency' must be 1 to " + evalConfig.maxConcurrency() + " (affectra.eval.max-concurrency)");
        }
        String judge = spec.judgeBackend() == null || spec.judgeBackend().isBlank() ? cells.get(0).backend() : spec.judgeBackend();
        backends.get(judge);
        if (spec.gates() != null) {
            spec.gates().forEach(Gate::parse);
        }
        LabelSet labels = RunPlanner.labels(spec.labels(), dataset);
        List<Arm> arms = new ArrayList<>();
        for (Cell c : cells) {
            Strategy strategy = strategies.get(c.strategy());
            arms.add(new Arm(c.id(), strategy, c.backend(), new CallSettings(c.variant().overrides(), c.sampling(), null), c.ablation(),
                    c.variant().sha256(), c.cacheable()));
        }
        RunPlan plan = new RunPlan(id, format, dataset, arms, repeats, concurrency, new CaseRunner.RunContext(format, backends.defaultName(), judge,
                labels, true, runs.media(dataset, mediaDir), CaseEvidence.newCache(), completions));
        return new Planned(spec, dataset, cells, plan, baseline, warnings(cells, format.closedQuestions()));
    }

    private List<Cell> cells(ExperimentSpec spec, boolean questions, int repeats) {
        List<ResolvedVariant> resolved = new ArrayList<>();
        if (spec.variants() == null || spec.variants().isEmpty()) {
            resolved.add(VariantResolver.shipped());
        } else {
            spec.variants().forEach(v -> resolved.add(variants.resolve(v)));
        }
        List<String> backendNames = spec.backends() == null || spec.backends().isEmpty() ? List.of(backends.defaultName())
                : List.copyOf(new LinkedHashSet<>(spec.backends()));
        backendNames.forEach(backends::get);
        List<String> strategyIds = spec.strategies() == null || spec.strategies().isEmpty() ? List.of(StrategyRegistry.DEFAULT)
                : List.copyOf(new LinkedHashSet<>(spec.strategies()));
        for (String s : strategyIds) {
            if (questions && !strategies.get(s).answersQuestions()) {
                throw new UnsupportedStrategyException(s, "closed questions (the dataset's format needs them)");
            }
        }
        List<Sampling> samplings;
        try {
            samplings = (spec.params() == null ? ParamGrid.NONE : spec.params()).combinations();
        } catch (IllegalArgumentException e) {
            throw invalid("params: " + e.getMessage());
        }
        List<Ablation> ablations = new ArrayList<>(List.of(Ablation.NONE));
        if (spec.ablations() != null) {
            for (String a : spec.ablations()) {
                try {
                    Ablation parsed = Ablation.parse(a);
                    if (!parsed.isNone() && !ablations.contains(parsed)) {
                        ablations.add(parsed);
                    }
                } catch (IllegalArgumentException e) {
                    throw invalid("ablations: " + e.getMessage());
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (ResolvedVariant v : resolved) {
            for (String b : backendNames) {
                for (String s : strategyIds) {
                    for (Sampling p : samplings) {
                        for (Ablation a : ablations) {
                            // Sampled repeats must be fresh answers; seeded or greedy ones may be reused.
                            boolean cacheable = spec.cacheOn() && !(repeats > 1 && p.random());
                            cells.add(new Cell("c" + (cells.size() + 1), v, b, backends.get(b).model(), s, p, a, cacheable));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Cells whose variant replaces none of the templates their strategy renders: they would only repeat the shipped prompt. */
    private List<String> warnings(List<Cell> cells, boolean questions) {
        List<String> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.variant().shipped() || !c.ablation().isNone()) {
                continue;
            }
            List<String> rendered = strategies.get(c.strategy()).templates(questions);
            boolean changes = rendered.stream().anyMatch(t -> c.variant().templates().containsKey(t)
                    || c.variant().templates().containsKey(t.substring(0, t.indexOf('/'))));
            if (!changes) {
                out.add("cell " + c.id() + ": variant " + c.variant().name() + " replaces none of the templates strategy " + c.strategy()
                        + " renders (" + String.join(", ", rendered) + "), so it runs the shipped prompts");
            }
        }
        return out;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid-experiment", message);
    }
}
