package io.affectra.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.analysis.InvalidRequestException;
import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.PromptRegistryAccess;
import io.affectra.prompt.context.EmotionPromptContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variants resolved against the shipped prompts/: what they replace, their hashes, and what cannot fit. */
class VariantResolverTest {

    static final PromptRegistry REGISTRY = PromptRegistryAccess.shipped();
    static final VariantResolver RESOLVER = new VariantResolver(new PromptCatalog(REGISTRY), REGISTRY);
    static final EmotionPromptContext CONTEXT = new EmotionPromptContext("[F1.expr] face F1: expression happiness 0.9", "happiness, neutral", "",
            "{}", 1);

    @Test
    void aShippedTemplateReplacesEveryTemplateOfItsTask() {
        ResolvedVariant v = RESOLVER.resolve(VariantSpec.of("emotion/emo-llama@1"));

        assertThat(v.name()).isEqualTo("emotion/emo-llama@1");
        assertThat(v.sha256()).isEqualTo(REGISTRY.get("emotion/emo-llama").hash());
        assertThat(v.templates()).containsOnlyKeys("emotion");
        // The direct strategy's template, rendered through the overrides, is the emo-llama text.
        assertThat(REGISTRY.render("emotion/direct", CONTEXT, v.overrides()).template().id()).isEqualTo("emotion/emo-llama");
        assertThat(REGISTRY.render("emotion/direct", CONTEXT).template().id()).isEqualTo("emotion/direct");
    }

    @Test
    void anInlineVariantKeepsWhatItDoesNotWriteAndIsHashedByContent() {
        VariantSpec spec = VariantSpec.inline(null, "emotion/terse", "emotion/direct", "Be terse. Labels: {labels}. Schema: {schema}", null, null);
        ResolvedVariant v = RESOLVER.resolve(spec);
        ResolvedVariant again = RESOLVER.resolve(spec);

        assertThat(v.sha256()).isEqualTo(again.sha256()).isNotEqualTo(REGISTRY.get("emotion/direct").hash());
        var rendered = REGISTRY.render("emotion/direct", CONTEXT, v.overrides());
        assertThat(rendered.system()).isEqualTo("Be terse. Labels: happiness, neutral. Schema: {}");
        assertThat(rendered.user()).isEqualTo(REGISTRY.render("emotion/direct", CONTEXT).user());
        assertThat(rendered.template().version()).isZero();
    }

    @Test
    void stepOverridesReplaceOneStepOnly() {
        ResolvedVariant v = RESOLVER.resolve(VariantSpec.inline(null, null, null, null, null,
                Map.of("pep-mek/final", VariantSpec.inline(null, null, null, "FINAL-STEP {schema}", null, null))));
        assertThat(v.templates()).containsOnlyKeys("pep-mek/final");
        assertThat(v.name()).isEqualTo("steps:pep-mek/final");
    }

    @Test
    void whatCannotFitIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> RESOLVER.resolve(VariantSpec.of("emotion/nope"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("emotion/nope");
        assertThatThrownBy(() -> RESOLVER.resolve(VariantSpec.of("emotion/direct@7"))).hasMessageContaining("version 1, not 7");
        // An inline template may only name what the context of the template it extends provides.
        assertThatThrownBy(() -> RESOLVER.resolve(VariantSpec.inline(null, "emotion/x", "emotion/direct", "{mood}", null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("mood");
        // A question template cannot stand in for a PEP step: their contexts differ.
        assertThatThrownBy(() -> RESOLVER.resolve(VariantSpec.inline(null, null, null, null, null, Map.of("pep/answer", VariantSpec.of("question/direct")))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pep/answer");
        assertThatThrownBy(() -> RESOLVER.resolve(VariantSpec.inline(null, "emotion/x", null, "x", null, null))).hasMessageContaining("extends");
    }
}
