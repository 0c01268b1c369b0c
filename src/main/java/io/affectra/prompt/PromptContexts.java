package io.affectra.prompt;

import io.affectra.prompt.context.ChatCuePromptContext;
import io.affectra.prompt.context.EmerJudgePromptContext;
import io.affectra.prompt.context.EmotionPromptContext;
import io.affectra.prompt.context.PepMekPrompts;
import io.affectra.prompt.context.PepPrompts;
import io.affectra.prompt.context.QuestionPromptContext;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which context each template renders with: bound by the template's id ({@code pep/answer}) where its steps differ, else
 * by its task ({@code emotion}, for every {@code emotion/<variant>}). A new template of a bound task needs no entry here;
 * a new task or step does.
 */
public final class PromptContexts {

    private static final Map<String, Class<? extends PromptContext>> BOUND = Map.ofEntries(
            Map.entry("emotion", EmotionPromptContext.class),
            Map.entry("question", QuestionPromptContext.class),
            Map.entry("chat", ChatCuePromptContext.class),
            Map.entry("eval/emer-judge", EmerJudgePromptContext.class),
            Map.entry("pep/describe", PepPrompts.Describe.class),
            Map.entry("pep/answer", PepPrompts.Answer.class),
            Map.entry("pep/explain", PepPrompts.Explain.class),
            Map.entry("pep/final", PepPrompts.Final.class),
            Map.entry("pep-mek/answer", PepMekPrompts.Answer.class),
            Map.entry("pep-mek/explain", PepMekPrompts.Explain.class),
            Map.entry("pep-mek/final", PepMekPrompts.Final.class));

    private PromptContexts() {
    }

    /** The context the template {@code task/variant} renders with, if one is bound. */
    public static Optional<Class<? extends PromptContext>> of(String templateId) {
        Class<? extends PromptContext> byId = BOUND.get(templateId);
        if (byId != null) {
            return Optional.of(byId);
        }
        int slash = templateId.indexOf('/');
        return Optional.ofNullable(slash < 0 ? null : BOUND.get(templateId.substring(0, slash)));
    }

    /** The variables a context provides: its record components, in order. */
    public static List<String> variables(Class<? extends PromptContext> context) {
        RecordComponent[] components = context.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(context.getName() + " is not a record");
        }
        return Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    /** How messages name a context: {@code PepPrompts.Answer}, {@code EmotionPromptContext}. */
    static String name(Class<?> context) {
        return context.getEnclosingClass() == null ? context.getSimpleName()
                : context.getEnclosingClass().getSimpleName() + "." + context.getSimpleName();
    }
}
