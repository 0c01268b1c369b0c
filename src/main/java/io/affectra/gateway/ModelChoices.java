package io.affectra.gateway;

import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptException;
import io.affectra.prompt.PromptNotFoundException;
import io.affectra.prompt.PromptOverrides;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.PromptTemplate;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.reasoning.UnknownStrategyException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A model id as a request names it, with what the request picks on top: a prompt variant ({@code <model>@<variant>}, or
 * {@code affectra.variant} in the body) and, in {@code answer} mode, a strategy ({@code affectra.strategy}). So an
 * OpenAI client that can only set a model string (an evaluation harness testing prompt variants) can still choose them.
 * A variant is a shipped template, {@code [task/]name[@version]}: the task defaults to the one the model renders
 * ({@code emotion} for an answer strategy's template, {@code chat} for a cue context) and a version must be the
 * shipped one. It replaces the model's template for this request only; the evidence stays the model's (or the chosen
 * strategy's), so variants compare on the same cues.
 */
@Singleton
public class ModelChoices {

    public static final String VARIANT_PARAM = "affectra.variant";
    public static final String STRATEGY_PARAM = "affectra.strategy";

    private final ModelCatalog catalog;
    private final PromptCatalog templates;
    private final PromptRegistry prompts;
    private final StrategyRegistry strategies;

    public ModelChoices(ModelCatalog catalog, PromptCatalog templates, PromptRegistry prompts, StrategyRegistry strategies) {
        this.catalog = catalog;
        this.templates = templates;
        this.prompts = prompts;
        this.strategies = strategies;
    }

    /**
     * @param model    the request's {@code model}
     * @param variant  {@code affectra.variant}, or null
     * @param strategy {@code affectra.strategy}, or null
     * @return empty when no model has this id, with or without a variant suffix
     * @throws ModelChoiceRejected when the variant or strategy is unknown or cannot apply to this model
     */
    public Optional<ModelRoute> resolve(String model, String variant, String strategy) {
        ModelRoute route = catalog.resolve(model).orElse(null);
        String suffix = null;
        if (route == null) {
            // Only an id that names nothing as a whole is read as <model>@<variant>, so ids with an '@' keep working.
            int at = model.indexOf('@');
            route = at > 0 ? catalog.resolve(model.substring(0, at)).orElse(null) : null;
            if (route == null) {
                return Optional.empty();
            }
            suffix = model.substring(at + 1);
        }
        if (suffix != null && variant != null) {
            throw new ModelChoiceRejected(400, "variant-conflict", VARIANT_PARAM, "The model id `" + model + "` already names a variant;"
                    + " name it once, in the model id or in affectra.variant.");
        }
        if (strategy != null) {
            route = withStrategy(route, strategy);
        }
        if (suffix != null) {
            route = withVariant(route, suffix, "model", model);
        } else if (variant != null) {
            route = withVariant(route, variant, VARIANT_PARAM, null);
        }
        return Optional.of(route);
    }

    private ModelRoute withStrategy(ModelRoute route, String id) {
        if (route.mode() != ChatMode.ANSWER) {
            throw new ModelChoiceRejected(400, "strategy-not-applicable", STRATEGY_PARAM, "Model '" + route.id()
                    + "' proxies the conversation to its backend (chat mode); a strategy only applies to a model in answer mode.");
        }
        try {
            strategies.get(id);
        } catch (UnknownStrategyException e) {
            throw new ModelChoiceRejected(400, "unknown-strategy", STRATEGY_PARAM, e.getMessage());
        }
        return catalog.withStrategy(route, id);
    }

    /** @param model the whole model id when the variant came as its suffix, else null */
    private ModelRoute withVariant(ModelRoute route, String spec, String param, String model) {
        String task = task(route, param);
        int at = spec.lastIndexOf('@');
        String name = at < 0 ? spec : spec.substring(0, at);
        String id = name.contains("/") ? name : task + "/" + name;
        PromptTemplate template;
        try {
            template = templates.get(id, at < 0 ? null : version(id, spec.substring(at + 1)));
        } catch (PromptNotFoundException e) {
            throw model != null
                    ? new ModelChoiceRejected(404, "model-not-found", "model", "The model `" + model + "` does not exist: " + e.getMessage())
                    : new ModelChoiceRejected(400, "unknown-variant", param, e.getMessage());
        }
        if (!template.task().equals(task)) {
            throw notApplicable(param, "Variant " + template.ref() + " is a template of task " + template.task() + ", but model '"
                    + route.id() + "' renders " + task + "/* templates here" + (route.mode() == ChatMode.ANSWER
                    ? " (strategy " + route.strategy() + ")" : " (its cue context)") + ".");
        }
        PromptOverrides overrides;
        try {
            overrides = prompts.overrides(Map.of(task, template), Map.of());
        } catch (PromptException e) {
            throw notApplicable(param, "Variant " + template.ref() + " does not fit model '" + route.id() + "': " + e.getMessage());
        }
        return route.withPrompts(overrides);
    }

    /** The task whose templates a variant of this route replaces. */
    private String task(ModelRoute route, String param) {
        if (route.mode() == ChatMode.ANSWER) {
            Strategy strategy = strategies.get(route.strategy());
            return strategy.answerTemplate().map(ModelChoices::taskOf).orElseThrow(() -> notApplicable(param, "Model '" + route.id()
                    + "' answers with strategy " + strategy.id() + ", whose steps each render a template of their own; a prompt variant"
                    + " applies to the single-pass strategies (" + strategies.all().stream().filter(s -> s.answerTemplate().isPresent())
                    .map(Strategy::id).collect(Collectors.joining(", ")) + ")."));
        }
        if (!route.cues()) {
            throw notApplicable(param, "Model '" + route.id() + "' passes the conversation through unchanged and renders no template;"
                    + " a prompt variant applies to models that add a cue context.");
        }
        return taskOf(route.prompt());
    }

    private static Integer version(String id, String text) {
        if (!text.matches("[0-9]{1,9}")) {
            throw new PromptNotFoundException("Prompt template " + id + " has no version '" + text + "'; versions are whole numbers.");
        }
        return Integer.valueOf(text);
    }

    private static String taskOf(String templateId) {
        return templateId.substring(0, templateId.indexOf('/'));
    }

    private static ModelChoiceRejected notApplicable(String param, String message) {
        return new ModelChoiceRejected(400, "variant-not-applicable", param, message);
    }
}
