package io.affectra.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A spec file as the request that starts it. A spec whose {@code dataset} names a built-in set is sent as it was
 * written (so the server's line numbers are the file's). One whose {@code dataset} is a file (relative to the spec's
 * folder), or given a dataset file on the command line, goes as multipart with that file. A {@code mediaDir} means
 * what it means to the API (relative to the server's {@code affectra.eval.media-root}), so a spec runs the same through
 * the CLI and through curl; without one, the dataset file's folder is sent (absolute), where its media usually lie.
 *
 * @param uploaded the dataset file sent along, or null for a built-in set
 */
record ExperimentSubmission(String contentType, byte[] body, Path uploaded) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param dataset a dataset file that replaces the spec's {@code dataset}; null to use the spec's
     * @throws IllegalArgumentException the spec is not YAML/JSON or names a dataset file that does not exist
     */
    static ExperimentSubmission of(Path spec, Path dataset) throws IOException {
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(spec + " is not valid YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(spec + " is not an experiment spec: it must be a mapping of fields (dataset, variants, ...)");
        }
        Path folder = spec.toAbsolutePath().normalize().getParent();
        Path file = dataset != null ? existing(dataset, "--dataset") : datasetFile(tree.path("dataset"), folder);
        if (file == null) {
            return new ExperimentSubmission("application/yaml", text.getBytes(StandardCharsets.UTF_8), null);
        }
        ObjectNode sent = ((ObjectNode) tree).deepCopy();
        sent.remove("dataset");
        if (sent.path("mediaDir").asText(null) == null) {
            sent.put("mediaDir", file.toAbsolutePath().normalize().getParent().toString());
        }
        Multipart body = new Multipart().text("spec", "application/json", JSON.writeValueAsString(sent))
                .file("dataset", file.getFileName().toString(), "application/x-ndjson", Files.readAllBytes(file));
        return new ExperimentSubmission(body.contentType(), body.bytes(), file);
    }

    /** The spec's dataset as a file next to the spec; null for a built-in set's name. */
    private static Path datasetFile(JsonNode dataset, Path folder) {
        if (!dataset.isTextual() || dataset.asText().isBlank()) {
            return null; // no dataset: the server says what is missing
        }
        String name = dataset.asText().strip();
        Path candidate = folder.resolve(name).normalize();
        if (Files.isRegularFile(candidate)) {
            return candidate;
        }
        if (name.contains("/") || name.contains("\\") || name.matches(".*\\.(jsonl|ndjson|json)$")) {
            throw new IllegalArgumentException("the spec's dataset '" + name + "' looks like a file, but there is none at " + candidate
                    + " (a dataset file is relative to the spec's folder)");
        }
        return null;
    }

    private static Path existing(Path file, String flag) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + ": no such file " + file);
        }
        return file;
    }
}
