package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.CueSet;
import io.affectra.vocabulary.LabelSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSchemaTest {

    @Test
    void describesAClosedAnswerObjectOverTheLabels() {
        LabelSet labels = new LabelSet(List.of("positive", "negative", "neutral"));

        JsonNode schema = new ObjectMapper().valueToTree(AnswerSchema.of(labels));

        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactly("label", "confidence", "probabilities", "reasoning", "cueIds", "people");
        assertThat(schema.at("/properties/label/enum")).extracting(JsonNode::asText).containsExactly("positive", "negative", "neutral");
        assertThat(schema.at("/properties/confidence/minimum").asDouble()).isEqualTo(0);
        assertThat(schema.at("/properties/confidence/maximum").asDouble()).isEqualTo(1);
        JsonNode probabilities = schema.at("/properties/probabilities");
        assertThat(probabilities.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(probabilities.path("required")).extracting(JsonNode::asText).containsExactly("positive", "negative", "neutral");
        assertThat(probabilities.at("/properties/negative/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/reasoning/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/cueIds/items/type").asText()).isEqualTo("string");
        // Strict outputs need every property required, so the per-person readings are nullable instead: a model may leave them out.
        assertThat(schema.at("/properties/people/type")).extracting(JsonNode::asText).containsExactly("array", "null");
        JsonNode person = schema.at("/properties/people/items");
        assertThat(person.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(person.path("required")).extracting(JsonNode::asText).containsExactly("id", "label", "confidence", "cueIds", "position");
        assertThat(person.at("/properties/label/enum")).extracting(JsonNode::asText).containsExactly("positive", "negative", "neutral");
        assertThat(person.at("/properties/position/type")).extracting(JsonNode::asText).containsExactly("string", "null");
    }

    @Test
    void requestCarriesTheSchemaAndItsName() {
        BackendRequest request = AnswerSchema.request(List.of(PromptMessage.user("hi")), CueSet.EMPTY, LabelSet.CANONICAL);

        assertThat(request.schemaName()).isEqualTo("emotion_answer");
        assertThat(request.jsonSchema()).isEqualTo(AnswerSchema.of(LabelSet.CANONICAL));
        assertThat(request.jsonSchema().get("properties")).asInstanceOf(MAP).containsKeys("label", "cueIds");
    }
}
