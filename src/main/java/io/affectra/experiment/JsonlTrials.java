package io.affectra.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Trials as JSON lines: {@link TrialRow}'s fields (nulls kept, so every line has every key), then the raw reply and the detail. */
final class JsonlTrials {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonlTrials() {
    }

    static void write(ExperimentExport.Source source, OutputStream target) throws IOException {
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        byte[] newline = "\n".getBytes(StandardCharsets.UTF_8);
        source.trials((i, cell, t) -> {
            ObjectNode line = JSON.valueToTree(TrialRow.of(source.id(), cell, t));
            line.put("rawReply", t.rawReply());
            line.set("detail", detail(t.detail()));
            JSON.writeValue(out, line);
            out.write(newline);
        });
        out.flush();
    }

    private static JsonNode detail(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
