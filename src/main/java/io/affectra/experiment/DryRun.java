package io.affectra.experiment;

import io.affectra.eval.Arm;
import io.affectra.eval.CaseRunner;
import io.affectra.eval.EvalCase;
import io.affectra.eval.RunPlan;
import io.affectra.llm.BackendReply;
import io.affectra.llm.BackendRequest;
import io.affectra.llm.CompletionCache;
import io.affectra.llm.CompletionKey;
import io.affectra.llm.PromptMessage;
import io.affectra.reasoning.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an experiment would do, without calling a backend: every cell's first prompt for the first cases, rendered from
 * the real evidence (the encoders do run), and the counts and an estimate of calls and tokens. Later steps of a
 * multi-step strategy depend on the replies before them, so only the first step's prompt can be shown.
 */
final class DryRun {

    /** Thrown by the capturing cache in place of the backend call: the prompt is all a dry run wants. */
    private static final class Captured extends RuntimeException {

        private final List<PromptMessage> messages;

        Captured(List<PromptMessage> messages) {
            super(null, null, false, false);
            this.messages = messages;
        }
    }

    public record Prompt(String caseKey, String cell, String system, String user) {
    }

    public record CellPlan(String id, String label, String variant, String variantSha256, String backend, String strategy, Map<String, Object> params,
            String ablation, int callsPerTrial) {
    }

    /**
     * @param estimatedPromptTokens about four characters a token, from the rendered first prompts, for every call
     */
    public record Report(boolean dryRun, int cells, int cases, int repeats, long trials, long estimatedCalls, long estimatedPromptTokens,
            String baseline, List<CellPlan> cellPlans, List<Prompt> prompts, List<String> warnings) {
    }

    private DryRun() {
    }

    static Report of(ExperimentPlanner.Planned planned, CaseRunner runner, int casesShown) {
        RunPlan plan = planned.plan();
        boolean questions = plan.format().closedQuestions();
        int judge = plan.format() == io.affectra.eval.metrics.DatasetFormat.OPEN ? 1 : 0;
        CompletionCache capture = new CompletionCache() {
            @Override
            public BackendReply complete(CompletionKey key, BackendRequest request, Supplier<BackendReply> call) {
                throw new Captured(request.messages());
            }
        };
        CaseRunner.RunContext context = new CaseRunner.RunContext(plan.format(), plan.context().backend(), plan.context().judgeBackend(),
                plan.context().labels(), false, plan.context().media(), plan.context().cueCache(), capture);
        List<Prompt> prompts = new ArrayList<>();
        List<CellPlan> cells = new ArrayList<>();
        long calls = 0;
        long tokens = 0;
        int cases = plan.dataset().cases().size();
        List<EvalCase> shown = plan.dataset().cases().subList(0, Math.min(casesShown, cases));
        for (int i = 0; i < plan.arms().size(); i++) {
            Arm arm = plan.arms().get(i);
            Cell cell = planned.cells().get(i);
            Strategy strategy = arm.strategy();
            int perTrial = strategy.templates(questions).size() + judge;
            Arm capturing = new Arm(arm.id(), strategy, arm.backend(), arm.settings(), arm.ablation(), arm.variantSha256(), true);
            long chars = 0;
            for (EvalCase c : shown) {
                try {
                    runner.run(c, capturing, 0, context);
                } catch (Captured captured) {
                    String system = text(captured.messages, PromptMessage.Role.SYSTEM);
                    String user = text(captured.messages, PromptMessage.Role.USER);
                    prompts.add(new Prompt(c.key(), cell.id(), system, user));
                    chars += system.length() + user.length();
                }
            }
            long trials = (long) cases * plan.repeats();
            calls += trials * perTrial;
            tokens += shown.isEmpty() ? 0 : chars / shown.size() / 4 * perTrial * trials;
            cells.add(new CellPlan(cell.id(), cell.label(), cell.variant().name(), cell.variant().sha256(), cell.backend(), cell.strategy(),
                    cell.sampling().asMap(), cell.ablation().isNone() ? null : cell.ablation().name(), perTrial));
        }
        return new Report(true, cells.size(), cases, plan.repeats(), plan.totalCases(), calls, tokens, planned.baseline(), cells, prompts,
                planned.warnings());
    }

    private static String text(List<PromptMessage> messages, PromptMessage.Role role) {
        return messages.stream().filter(m -> m.role() == role).map(PromptMessage::text).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
