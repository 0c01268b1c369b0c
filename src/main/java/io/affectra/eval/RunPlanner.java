package io.affectra.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendRegistry;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.reasoning.UnsupportedStrategyException;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns a dataset and options into a {@link RunPlan}, checking everything before any case runs: the format, the
 * strategies (and that they answer closed questions where the format needs it), the backends, the label set, that
 * every media file exists inside the media root.
 */
@ApplicationScoped
public class RunPlanner implements PlanSource {

    /** The kind of an evaluation's record. */
    public static final String KIND = "evaluation";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final StrategyRegistry strategies;
    private final BackendRegistry backends;
    private final EvalConfig config;

    public RunPlanner(StrategyRegistry strategies, BackendRegistry backends, EvalConfig config) {
        this.strategies = strategies;
        this.backends = backends;
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public RunPlan plan(EvaluationRecord record) {
        try {
            return plan(record.id, record.datasetJsonl, JSON.readValue(record.optionsJson, EvaluationOptions.class), record.mediaDir);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored options unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param mediaDir where relative media resolve (absolute, or relative to the media root); null for the root
     * @throws InvalidDatasetException, io.affectra.analysis.InvalidRequestException and the registries' unknown-name
     *         exceptions when something does not fit
     */
    public RunPlan plan(String id, String jsonl, EvaluationOptions options, String mediaDir) {
        if (options.format() == null) {
            throw new io.affectra.analysis.InvalidRequestException("invalid-options", "options.format is required: pair, choice, label or open");
        }
        DatasetFormat format = options.format();
        Dataset dataset = DatasetReader.read(jsonl, format);
        if (options.limit() != null) {
            if (options.limit() < 1) {
                throw new io.affectra.analysis.InvalidRequestException("invalid-options", "options.limit must be at least 1");
            }
            dataset = dataset.limit(options.limit());
        }
        List<Arm> chosen = new ArrayList<>();
        for (String s : new LinkedHashSet<>(options.strategyIds())) {
            Strategy strategy = strategies.get(s);
            if (format.closedQuestions() && !strategy.answersQuestions()) {
                throw new UnsupportedStrategyException(s, "closed questions (the " + format.id() + " format needs them)");
            }
            chosen.add(Arm.of(strategy));
        }
        String backend = options.backend() == null || options.backend().isBlank() ? backends.defaultName() : options.backend();
        backends.get(backend);
        String judge = options.judgeBackend() == null || options.judgeBackend().isBlank() ? backend : options.judgeBackend();
        backends.get(judge);
        int concurrency = options.concurrency() == null ? config.defaultConcurrency() : options.concurrency();
        if (concurrency < 1 || concurrency > config.maxConcurrency()) {
            throw new io.affectra.analysis.InvalidRequestException("invalid-options",
                    "options.concurrency must be 1 to " + config.maxConcurrency() + " (affectra.eval.max-concurrency)");
        }
        MediaResolver media = media(dataset, mediaDir);
        return new RunPlan(id, format, dataset, chosen, 1, concurrency,
                new CaseRunner.RunContext(format, backend, judge, labels(options.labels(), dataset), options.explainSteps(), media,
                        CaseEvidence.newCache(), null));
    }

    /** Where the dataset's media resolve, checked: every file exists inside the media root. */
    public MediaResolver media(Dataset dataset, String mediaDir) {
        MediaResolver media = new MediaResolver(Path.of(config.mediaRoot()), mediaDir == null ? null : Path.of(mediaDir));
        for (EvalCase c : dataset.cases()) {
            if (c.media() != null) {
                try {
                    media.resolve(c.media());
                } catch (InvalidDatasetException e) {
                    throw new InvalidDatasetException("item '" + c.itemId() + "': " + e.getMessage());
                }
            }
        }
        return media;
    }

    /** The label set answers are drawn from: the given one, else the canonical set when it holds the gold labels, else the gold labels. */
    public static LabelSet labels(List<String> given, Dataset dataset) {
        if (!dataset.format().closedQuestions()) {
            try {
                LabelSet set = given != null ? new LabelSet(given)
                        : LabelSet.CANONICAL.labels().containsAll(dataset.labels()) ? LabelSet.CANONICAL
                        : new LabelSet(dataset.labels().size() >= 2 ? dataset.labels() : List.of(dataset.labels().get(0), "neutral"));
                for (String gold : dataset.labels()) {
                    if (!set.contains(gold)) {
                        throw new InvalidDatasetException("gold label '" + gold + "' is not in the label set " + set.labels());
                    }
                }
                return set;
            } catch (IllegalArgumentException e) {
                throw new io.affectra.analysis.InvalidRequestException("invalid-options", "labels: " + e.getMessage());
            }
        }
        return LabelSet.CANONICAL;
    }
}
