package io.affectra.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.metrics.DatasetFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The benchmark sets shipped under {@code reasoning/benchmarks/} (listed in its {@code index.json}), by name. */
@ApplicationScoped
public class BuiltinDatasets {

    /** Where built-in sets live, relative to the media root, for resolving their media paths. */
    public static final String FOLDER = "reasoning/benchmarks";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record Builtin(String name, String file, DatasetFormat format, String description) {
    }

    private record Index(List<Builtin> datasets) {
    }

    private final List<Builtin> all;

    public BuiltinDatasets() {
        try (InputStream in = open(FOLDER + "/index.json")) {
            all = List.copyOf(JSON.readValue(in, Index.class).datasets());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + "/index.json", e);
        }
    }

    public List<Builtin> list() {
        return all;
    }

    public Optional<Builtin> find(String name) {
        return all.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public String text(Builtin builtin) {
        try (InputStream in = open(FOLDER + "/" + builtin.file())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }
}
