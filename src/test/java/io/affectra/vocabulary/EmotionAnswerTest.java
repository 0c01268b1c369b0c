package io.affectra.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmotionAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerStoredBeforePerPersonReadingsReadsWithNone() throws Exception {
        EmotionAnswer old = JSON.readValue("""
                {"label":"happiness","confidence":0.62,"probabilities":{"happiness":0.62,"neutral":0.38},
                 "reasoning":"r","cueIds":["F1.expr"]}""", EmotionAnswer.class);

        assertThat(old.people()).isEmpty();
        assertThat(old.cueIds()).containsExactly("F1.expr");
    }

    @Test
    void peopleAreWrittenWithTheirFields() {
        EmotionAnswer answer = new EmotionAnswer("happiness", 0.62, Map.of("happiness", 1.0), "r", List.of("F1.expr"),
                List.of(new EmotionAnswer.Person("F1", "happiness", 0.91, List.of("F1.expr"), "left")));

        JsonNode tree = JSON.valueToTree(answer);

        assertThat(tree.path("people").get(0).toString())
                .isEqualTo("{\"id\":\"F1\",\"label\":\"happiness\",\"confidence\":0.91,\"cueIds\":[\"F1.expr\"],\"position\":\"left\"}");
        assertThat(JSON.convertValue(tree, EmotionAnswer.class)).isEqualTo(answer);
        assertThat(answer.withCueIds(List.of()).people()).isEqualTo(answer.people());
    }
}
