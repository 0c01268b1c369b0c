package io.affectra.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.eval.metrics.DatasetFormat;
import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    @Test
    void readsVideoHallucerItemsAsIsTwoCasesPerPair() {
        String jsonl = """
                {"id": "v1", "type": "object_relation", "basic": {"video": "a.mp4", "question": "Is the man smiling?", "answer": "yes"}, "hallucination": {"video": "a.mp4", "question": "Is the man crying?", "answer": "no"}}

                // a comment line
                {"id": "v2", "type": "knowledge", "category": "theory", "subcategory": "facs", "basic": {"question": "Q1", "answer": "Yes"}, "hallucination": {"question": "Q2", "answer": "NO"}}
                """;
        Dataset d = DatasetReader.read(jsonl, DatasetFormat.PAIR);

        assertThat(d.items()).isEqualTo(2);
        assertThat(d.cases()).extracting(EvalCase::key).containsExactly("v1#basic", "v1#hallucination", "v2#basic", "v2#hallucination");
        assertThat(d.cases().get(0).media()).isEqualTo("a.mp4");
        assertThat(d.cases().get(0).category()).isEqualTo("object_relation");
        assertThat(d.cases().get(2).category()).isEqualTo("theory");
        assertThat(d.cases().get(2).subcategory()).isEqualTo("facs");
        assertThat(d.cases()).extracting(EvalCase::expected).containsExactly("yes", "no", "yes", "no");
        assertThat(d.limit(1).cases()).hasSize(2);
    }

    @Test
    void readsChoiceItemsWithListsObjectsLettersIndexesAndTexts() {
        String jsonl = """
                {"id": "c1", "question": "Which emotion?", "options": ["joy", "anger", "fear"], "answer": "B", "explanation": "raised voice"}
                {"id": "c2", "question": "Which?", "choices": {"A": "x", "B": "y"}, "answer": 0}
                {"id": "c3", "question": "Which?", "options": ["calm", "tense"], "answer": "tense"}
                """;
        Dataset d = DatasetReader.read(jsonl, DatasetFormat.CHOICE);

        assertThat(d.cases()).extracting(EvalCase::expected).containsExactly("B", "A", "B");
        assertThat(d.cases().get(0).choices()).containsExactly("joy", "anger", "fear");
        assertThat(d.cases().get(0).reference()).isEqualTo("raised voice");
    }

    @Test
    void readsLabelAndOpenItems() {
        Dataset labels = DatasetReader.read("""
                {"id": "l1", "media": "x.jpg", "label": "Happiness"}
                {"id": "l2", "text": "I lost my dog", "label": "sadness"}
                """, DatasetFormat.LABEL);
        assertThat(labels.labels()).containsExactly("happiness", "sadness");

        Dataset open = DatasetReader.read("""
                {"id": "o1", "text": "We won!", "label": "happiness", "clues": ["cheering", "'we won'"]}
                """, DatasetFormat.OPEN);
        assertThat(open.cases().get(0).reference()).isEqualTo("cheering; 'we won'");
    }

    @Test
    void namesTheLineOfTheFirstProblem() {
        assertThatThrownBy(() -> DatasetReader.read("""
                {"id": "v1", "basic": {"question": "Q", "answer": "yes"}, "hallucination": {"question": "Q2", "answer": "no"}}
                {"id": "v2", "basic": {"question": "Q", "answer": "maybe"}, "hallucination": {"question": "Q2", "answer": "no"}}
                """, DatasetFormat.PAIR)).isInstanceOf(InvalidDatasetException.class).hasMessageStartingWith("line 2:").hasMessageContaining("maybe");
        assertThatThrownBy(() -> DatasetReader.read("{not json", DatasetFormat.PAIR)).hasMessageStartingWith("line 1: not JSON");
        assertThatThrownBy(() -> DatasetReader.read("""
                {"id": "a", "label": "fear"}
                """, DatasetFormat.LABEL)).hasMessageContaining("'media' or 'text'");
        assertThatThrownBy(() -> DatasetReader.read("""
                {"id": "a", "text": "t", "label": "fear"}
                {"id": "a", "text": "u", "label": "fear"}
                """, DatasetFormat.LABEL)).hasMessageContaining("duplicate id 'a'");
        assertThatThrownBy(() -> DatasetReader.read("\n\n", DatasetFormat.LABEL)).hasMessageContaining("no items");
    }
}
