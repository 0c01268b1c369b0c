package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.analysis.NotFoundProblem;
import io.affectra.cue.Cue;
import io.affectra.eval.Arm;
import io.affectra.eval.CaseEvidence;
import io.affectra.eval.EvalCase;
import io.affectra.eval.EvaluationStore;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.evidence.EvidenceKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment case by case: the matrix (cases x cells, paged and filtered) and one case in full (its evidence with
 * the encoder versions that measured it, and per cell every trial's prompts, raw reply, answer and score).
 */
@ApplicationScoped
public class ExperimentCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One cell's trials of one case: the first repeat's answer, and how many of its repeats were right. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String answer, boolean correct, double correctRate, int repeats, String error, boolean cacheHit, Long latencyMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String caseKey, String itemId, String category, String expected, Map<String, Entry> cells, boolean differs, boolean flips) {
    }

    public record Matrix(int total, int offset, int limit, List<String> cells, List<Row> rows) {
    }

    /** The evidence one group of cells reasoned over (they share its options). */
    public record EvidenceView(List<String> cells, boolean facialPriors, boolean deidentified, Map<String, String> encoders, String mediaSha256,
            List<Cue> cues, String transcript) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrialView(int repeat, String answer, boolean correct, String error, String rawReply, boolean cacheHit, long latencyMs,
            int promptTokens, int completionTokens, String variantSha256, JsonNode detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellTrials(String cell, String label, String ablation, List<TrialView> trials) {
    }

    public record CaseDetail(String caseKey, String itemId, String question, List<String> choices, String expected, String media, String text,
            List<EvidenceView> evidence, List<CellTrials> cells) {
    }

    private final ExperimentService experiments;
    private final EvaluationStore store;
    private final CaseEvidence evidence;

    public ExperimentCases(ExperimentService experiments, EvaluationStore store, CaseEvidence evidence) {
        this.experiments = experiments;
        this.store = store;
        this.evidence = evidence;
    }

    /**
     * @param only     {@code differing} (cells do not all answer alike) or {@code flips} (some cell is right where the
     *                 baseline is wrong or the other way round); null for every case
     * @param label    only cases with this expected answer
     * @param category only cases of this category
     */
    public Matrix matrix(String id, int offset, int limit, String only, String label, String category) {
        if (only != null && !only.equals("differing") && !only.equals("flips")) {
            throw new InvalidRequestException("invalid-query", "only must be 'differing' or 'flips'");
        }
        ExperimentService.Loaded loaded = experiments.load(id);
        List<String> cells = loaded.planned().cells().stream().map(Cell::id).toList();
        String baseline = loaded.planned().baseline();
        Map<String, Map<String, List<CaseResult>>> byCase = new LinkedHashMap<>();
        store.results(id).forEach((cell, trials) -> trials.forEach(t -> byCase.computeIfAbsent(t.key(), k -> new LinkedHashMap<>())
                .computeIfAbsent(cell, k -> new ArrayList<>()).add(t)));
        List<Row> rows = new ArrayList<>();
        for (EvalCase c : loaded.planned().dataset().cases()) {
            if (label != null && !label.equals(c.expected()) || category != null && !category.equals(c.category())) {
                continue;
            }
            Map<String, List<CaseResult>> trials = byCase.getOrDefault(c.key(), Map.of());
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String cell : cells) {
                List<CaseResult> t = trials.get(cell);
                if (t != null && !t.isEmpty()) {
                    entries.put(cell, entry(t));
                }
            }
            boolean differs = entries.values().stream().map(Entry::answer).distinct().count() > 1;
            Entry base = entries.get(baseline);
            boolean flips = base != null && entries.values().stream().anyMatch(e -> e.correct() != base.correct());
            if ("differing".equals(only) && !differs || "flips".equals(only) && !flips) {
                continue;
            }
            rows.add(new Row(c.key(), c.itemId(), c.category(), c.expected(), entries, differs, flips));
        }
        int from = Math.min(Math.max(0, offset), rows.size());
        int size = Math.max(1, Math.min(limit, 500));
        return new Matrix(rows.size(), from, size, cells, rows.subList(from, Math.min(rows.size(), from + size)));
    }

    public CaseDetail detail(String id, String caseKey) {
        ExperimentService.Loaded loaded = experiments.load(id);
        EvalCase c = loaded.planned().dataset().cases().stream().filter(x -> x.key().equals(caseKey)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("case-not-found", "Experiment " + id + " has no case " + caseKey + "."));
        Map<String, List<CaseResult>> byCell = new LinkedHashMap<>();
        store.caseTrials(id, caseKey).forEach(t -> byCell.computeIfAbsent(t.strategy(), k -> new ArrayList<>()).add(t));
        Path media = c.media() == null ? null : loaded.planned().plan().context().media().resolve(c.media());
        CaseEvidence.RunCache cache = CaseEvidence.newCache();
        Map<String, EvidenceView> groups = new LinkedHashMap<>();
        List<CellTrials> cells = new ArrayList<>();
        for (int i = 0; i < loaded.planned().cells().size(); i++) {
            Cell cell = loaded.planned().cells().get(i);
            Arm arm = loaded.planned().plan().arms().get(i);
            boolean priors = arm.strategy().wantsFacialPriors();
            boolean deid = arm.strategy().requiresDeidentified();
            String group = priors + "/" + deid;
            EvidenceView seen = groups.get(group);
            if (seen == null) {
                CaseEvidence.Evidence ev = evidence.of(media, c.text(), priors, deid, cache);
                EvidenceKey key = ev.key();
                seen = new EvidenceView(new ArrayList<>(), priors, key == null ? deid : key.deidentify(), key == null ? Map.of() : key.encoders(),
                        key == null ? null : key.mediaSha256(), ev.cues().cues(), ev.transcript());
                groups.put(group, seen);
            }
            seen.cells().add(cell.id());
            List<TrialView> trials = byCell.getOrDefault(cell.id(), List.of()).stream().map(ExperimentCases::trial).toList();
            cells.add(new CellTrials(cell.id(), cell.label(), cell.ablation().isNone() ? null : cell.ablation().name(), trials));
        }
        return new CaseDetail(c.key(), c.itemId(), c.question(), c.choices(), c.expected(), c.media(), c.text(), List.copyOf(groups.values()), cells);
    }

    static Entry entry(List<CaseResult> trials) {
        CaseResult first = trials.get(0);
        long right = trials.stream().filter(CaseResult::correct).count();
        return new Entry(first.answer(), first.correct(), Math.round(right * 1000.0 / trials.size()) / 1000.0, trials.size(), first.error(),
                first.trial().cacheHit(), first.failed() ? null : first.latencyMs());
    }

    private static TrialView trial(CaseResult t) {
        return new TrialView(t.trial().repeat(), t.answer(), t.correct(), t.error(), t.rawReply(), t.trial().cacheHit(), t.latencyMs(), t.promptTokens(),
                t.completionTokens(), t.trial().variantSha256(), parse(t.detail()));
    }

    private static JsonNode parse(String json) {
        if (Objects.isNull(json)) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
