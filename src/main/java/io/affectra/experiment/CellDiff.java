package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.eval.EvalCase;
import io.affectra.eval.EvalConfig;
import io.affectra.eval.EvaluationStore;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.prompt.LineDiff;
import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptNotFoundException;
import io.affectra.prompt.PromptTemplate;
import io.affectra.prompt.UnifiedDiff;
import io.affectra.reasoning.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two cells of an experiment side by side: the template text each sends at every step its strategy renders (the
 * variant's, shipped or inline, where it replaces one, else the shipped one), the line diff of the two step by step,
 * and the cases whose verdict differs between them with both answers, beside the paired statistics of b against a.
 */
@ApplicationScoped
public class CellDiff {

    /**
     * One step's template as a cell sends it.
     *
     * @param renders  the template the strategy renders at this step ({@code emotion/direct})
     * @param template what is sent in its place: {@code task/name@version}, an inline variant's {@code id@0}
     * @param inline   true for a variant written in the spec (its text is nowhere else)
     */
    public record Step(String renders, String template, String sha256, boolean inline, String system, String user) {
    }

    public record Side(String cell, String label, String variant, String variantSha256, String strategy, List<Step> steps) {
    }

    /**
     * The two cells' step {@code step} (steps pair by position), diffed as {@code [system]} and {@code [user]} sections.
     *
     * @param a     a's template at this step; null when a's strategy has fewer steps
     * @param diff  unified ({@code diff -u}); empty when identical
     * @param lines the whole edit script, every line kept, deleted (from a) or inserted (from b)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepDiff(int step, String a, String b, boolean identical, String diff, List<LineDiff.Edit> lines) {
    }

    /** A case the two cells judge differently (first repeat's verdict, as the matrix colours it). */
    public record Flip(String caseKey, String expected, ExperimentCases.Entry a, ExperimentCases.Entry b) {
    }

    /** @param statistics b against a on the cases both ran, per metric, with each metric's flipped cases */
    public record Diff(Side a, Side b, boolean identical, List<StepDiff> templates, List<Flip> flips, ExperimentView.ComparisonView statistics) {
    }

    private final ExperimentService experiments;
    private final EvaluationStore store;
    private final PromptCatalog prompts;
    private final EvalConfig evalConfig;

    public CellDiff(ExperimentService experiments, EvaluationStore store, PromptCatalog prompts, EvalConfig evalConfig) {
        this.experiments = experiments;
        this.store = store;
        this.prompts = prompts;
        this.evalConfig = evalConfig;
    }

    /** @param a a cell id; null for the baseline */
    public Diff of(String id, String a, String b) {
        ExperimentService.Loaded loaded = experiments.load(id);
        ExperimentPlanner.Planned planned = loaded.planned();
        String from = a == null || a.isBlank() ? planned.baseline() : a;
        if (b == null || b.isBlank()) {
            throw new InvalidRequestException("invalid-query", "Name the cell to compare with ?b= (and ?a=, default the baseline " + planned.baseline() + ").");
        }
        int ia = index(planned, from);
        int ib = index(planned, b);
        boolean questions = planned.plan().format().closedQuestions();
        Side sa = side(planned, ia, questions);
        Side sb = side(planned, ib, questions);
        List<StepDiff> steps = new ArrayList<>();
        for (int i = 0; i < Math.max(sa.steps().size(), sb.steps().size()); i++) {
            Step x = i < sa.steps().size() ? sa.steps().get(i) : null;
            Step y = i < sb.steps().size() ? sb.steps().get(i) : null;
            steps.add(diff(i + 1, sa.cell(), x, sb.cell(), y));
        }
        Map<String, List<CaseResult>> trials = store.results(id);
        return new Diff(sa, sb, steps.stream().allMatch(StepDiff::identical), steps, flips(planned, trials, sa.cell(), sb.cell()),
                ExperimentReport.pair(planned.plan().format(), sa.cell(), sb.cell(), trials, evalConfig.bootstrapSamples(), evalConfig.bootstrapSeed()));
    }

    private static int index(ExperimentPlanner.Planned planned, String cell) {
        for (int i = 0; i < planned.cells().size(); i++) {
            if (planned.cells().get(i).id().equals(cell)) {
                return i;
            }
        }
        throw new InvalidRequestException("invalid-query", "The experiment has no cell '" + cell + "': its cells are c1 to c" + planned.cells().size() + ".");
    }

    private Side side(ExperimentPlanner.Planned planned, int index, boolean questions) {
        Cell cell = planned.cells().get(index);
        Strategy strategy = planned.plan().arms().get(index).strategy();
        List<Step> steps = new ArrayList<>();
        for (String renders : strategy.templates(questions)) {
            PromptTemplate t = sent(cell.variant(), renders);
            steps.add(new Step(renders, t.ref(), t.hash(), !shipped(t), t.system(), t.user()));
        }
        return new Side(cell.id(), cell.label(), cell.variant().name(), cell.variant().sha256(), cell.strategy(), steps);
    }

    /** What is sent at {@code renders}: the variant's replacement, as the steps resolve it, else the shipped template. */
    private PromptTemplate sent(ResolvedVariant variant, String renders) {
        return variant.overrides().replacementOf(renders).orElseGet(() -> prompts.get(renders, null));
    }

    private boolean shipped(PromptTemplate t) {
        try {
            return prompts.get(t.id(), null).hash().equals(t.hash());
        } catch (PromptNotFoundException e) {
            return false;
        }
    }

    private static StepDiff diff(int step, String cellA, Step a, String cellB, Step b) {
        String from = a == null ? "" : sections(a);
        String to = b == null ? "" : sections(b);
        return new StepDiff(step, a == null ? null : a.template(), b == null ? null : b.template(), from.equals(to),
                UnifiedDiff.of(cellA + " " + (a == null ? "(no step)" : a.template()), cellB + " " + (b == null ? "(no step)" : b.template()), from, to),
                LineDiff.edits(from.lines().toList(), to.lines().toList()));
    }

    /** A step's text as the template file's body writes it, each section stripped as rendering strips it. */
    private static String sections(Step s) {
        return "[system]\n" + s.system().strip() + "\n[user]\n" + s.user().strip() + "\n";
    }

    private static List<Flip> flips(ExperimentPlanner.Planned planned, Map<String, List<CaseResult>> trials, String a, String b) {
        Map<String, List<CaseResult>> ofA = byCase(trials.getOrDefault(a, List.of()));
        Map<String, List<CaseResult>> ofB = byCase(trials.getOrDefault(b, List.of()));
        List<Flip> out = new ArrayList<>();
        for (EvalCase c : planned.dataset().cases()) {
            List<CaseResult> x = ofA.get(c.key());
            List<CaseResult> y = ofB.get(c.key());
            if (x == null || y == null || x.get(0).failed() || y.get(0).failed()) {
                continue;
            }
            ExperimentCases.Entry ea = ExperimentCases.entry(x);
            ExperimentCases.Entry eb = ExperimentCases.entry(y);
            if (ea.correct() != eb.correct()) {
                out.add(new Flip(c.key(), c.expected(), ea, eb));
            }
        }
        return out;
    }

    private static Map<String, List<CaseResult>> byCase(List<CaseResult> trials) {
        Map<String, List<CaseResult>> out = new LinkedHashMap<>();
        trials.forEach(t -> out.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t));
        return out;
    }
}
