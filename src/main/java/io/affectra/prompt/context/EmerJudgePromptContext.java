package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/** {@code eval/emer-judge}: a predicted open answer and the reference it is judged against (EMER protocol). */
@TemplateData
public record EmerJudgePromptContext(String referenceLabel, String referenceReasoning, String label, String reasoning, String schema)
        implements PromptContext {
}
