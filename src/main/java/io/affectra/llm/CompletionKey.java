package io.affectra.llm;

import io.affectra.media.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two backend calls the same call: the backend's name, kind and model, the messages as rendered, the JSON
 * schema and the sampling parameters. Held as a SHA-256 so that the cache keeps 64 characters, not the prompt.
 */
public record CompletionKey(String sha256) {

    public static CompletionKey of(String backend, EmotionBackend target, BackendRequest request) {
        StringBuilder text = new StringBuilder();
        field(text, "backend", backend);
        field(text, "kind", target.kind().name());
        field(text, "model", target.model());
        for (PromptMessage m : request.messages()) {
            field(text, m.role().name(), m.text());
        }
        field(text, "schemaName", request.schemaName());
        field(text, "schema", request.jsonSchema() == null ? "" : canonical(request.jsonSchema()));
        field(text, "sampling", new TreeMap<>(request.sampling().asMap()).toString());
        // The offline reasoner reads the structured task and cues, not only the text.
        field(text, "task", String.valueOf(request.task()));
        field(text, "labels", request.labels() == null ? "" : String.join(",", request.labels().labels()));
        return new CompletionKey(Sha256.of(text.toString()));
    }

    /** Length-prefixed, so that no two different field lists run together into one text. */
    private static void field(StringBuilder out, String name, String value) {
        String v = value == null ? "" : value;
        out.append(name).append(':').append(v.length()).append(':').append(v).append('\n');
    }

    private static String canonical(Map<String, Object> schema) {
        return new TreeMap<>(schema).toString();
    }
}
