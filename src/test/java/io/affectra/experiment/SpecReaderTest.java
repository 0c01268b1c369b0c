package io.affectra.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.analysis.InvalidRequestException;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.Sampling;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    @Test
    void readsYamlWithShippedAndInlineVariantsAndAParameterGrid() {
        ExperimentSpec spec = SpecReader.read("""
                name: tone
                dataset: knowledge-pairs
                format: pair
                variants:
                  - emotion/direct@1
                  - id: emotion/warm
                    extends: emotion/direct
                    system: Be warm. {labels} {schema}
                  - steps:
                      pep-mek/final: pep-mek/final@1
                backends: local
                params:
                  temperature: [0, 0.7]
                  seed: [1]
                  max_tokens: [200]
                ablations: [-face, -voice]
                repeats: 3
                gates: ["accuracy >= 0.6"]
                """);

        assertThat(spec.format()).isEqualTo(DatasetFormat.PAIR);
        assertThat(spec.variants()).hasSize(3);
        assertThat(spec.variants().get(0).ref()).isEqualTo("emotion/direct@1");
        assertThat(spec.variants().get(1).extendsId()).isEqualTo("emotion/direct");
        assertThat(spec.variants().get(1).system()).startsWith("Be warm.");
        assertThat(spec.variants().get(2).steps().get("pep-mek/final").ref()).isEqualTo("pep-mek/final@1");
        assertThat(spec.backends()).containsExactly("local"); // a single value is a list of one
        assertThat(spec.params().combinations()).containsExactly(new Sampling(0.0, 1L, 200), new Sampling(0.7, 1L, 200));
        assertThat(spec.repeatCount()).isEqualTo(3);
        assertThat(spec.cacheOn()).isTrue();
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        ExperimentSpec spec = SpecReader.read("{\"dataset\":\"knowledge-pairs\",\"variants\":[\"emotion/direct\",{\"id\":\"emotion/x\",\"extends\":\"emotion/direct\",\"user\":\"{cues}\"}],\"dryRun\":true}");
        ExperimentSpec again = SpecReader.read(SpecReader.write(spec.asRun()));
        assertThat(again.variants()).isEqualTo(spec.variants());
        assertThat(again.isDryRun()).isFalse();
    }

    @Test
    void unknownFieldsAndBrokenYamlAreRefusedByName() {
        assertThatThrownBy(() -> SpecReader.read("dataset: x\nablation: [-face]\n")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown field 'ablation'");
        assertThatThrownBy(() -> SpecReader.read("variants: [emotion/direct\n")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not valid JSON or YAML");
        assertThatThrownBy(() -> SpecReader.read("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SpecReader.read("params: {temperature: [3]}").params().combinations())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    }

    @Test
    void parameterGridWithoutValuesIsOneDefaultCombination() {
        assertThat(ParamGrid.NONE.combinations()).containsExactly(Sampling.DEFAULT);
        assertThat(new ParamGrid(List.of(0.0, 1.0), null, List.of(10, 20)).combinations()).hasSize(4);
    }
}
