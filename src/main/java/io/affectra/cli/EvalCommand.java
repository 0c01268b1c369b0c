package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * {@code affectra eval}: runs a benchmark on a running Affectra server and shows it. Posts the dataset (or names a
 * built-in set), follows the run's progress events with a progress bar on stderr, and prints the metrics table on
 * stdout. A plain Java client (JDK HTTP and Jackson), not a Quarkus application: {@code bin/affectra eval ...}.
 *
 * <pre>
 * affectra eval DATASET.jsonl|builtin:NAME [--format pair|choice|label|open] [--backend NAME] [--strategy S[,S...]]
 *               [--concurrency N] [--limit N] [--judge NAME] [--media-dir DIR] [--explain] [--json FILE] [--url URL]
 * </pre>
 * Exit status: 0 completed, 1 the run failed, 2 bad arguments or the server refused the run. A server with API keys on
 * gets the key in {@code AFFECTRA_API_KEY}.
 */
public final class EvalCommand {

    static final String USAGE = "usage: affectra eval DATASET.jsonl|builtin:NAME [--format pair|choice|label|open] [--backend NAME] "
            + "[--strategy S[,S...]] [--concurrency N] [--limit N] [--judge NAME] [--media-dir DIR] [--explain] [--json FILE] [--url URL]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new EvalCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        ObjectNode options = JSON.createObjectNode();
        String dataset = null;
        String url = System.getenv().getOrDefault("AFFECTRA_URL", "http://localhost:8080");
        Path jsonOut = null;
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
        try {
            while (!queue.isEmpty()) {
                String arg = queue.poll();
                switch (arg) {
                    case "--format" -> options.put("format", value(queue, arg));
                    case "--backend" -> options.put("backend", value(queue, arg));
                    case "--strategy", "--strategies" -> {
                        ArrayNode list = options.putArray("strategies");
                        Stream.of(value(queue, arg).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
                    }
                    case "--concurrency" -> options.put("concurrency", Integer.parseInt(value(queue, arg)));
                    case "--limit" -> options.put("limit", Integer.parseInt(value(queue, arg)));
                    case "--judge" -> options.put("judgeBackend", value(queue, arg));
                    case "--media-dir" -> options.put("mediaDir", Path.of(value(queue, arg)).toAbsolutePath().normalize().toString());
                    case "--explain" -> options.put("explain", true);
                    case "--json" -> jsonOut = Path.of(value(queue, arg));
                    case "--url" -> url = value(queue, arg);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (arg.startsWith("--") || dataset != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        dataset = arg;
                    }
                }
            }
            if (dataset == null) {
                throw new IllegalArgumentException("name a dataset file or builtin:NAME");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return execute(url.replaceAll("/+$", ""), dataset, options, jsonOut);
        } catch (IOException e) {
            err.println("cannot reach the server at " + url + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int execute(String url, String dataset, ObjectNode options, Path jsonOut) throws IOException, InterruptedException {
        ServerClient server = new ServerClient(url, System.getenv("AFFECTRA_API_KEY"));
        Multipart body = new Multipart();
        if (dataset.startsWith("builtin:")) {
            options.put("dataset", dataset.substring("builtin:".length()));
            body.text("options", "application/json", options.toString());
        } else {
            Path path = Path.of(dataset);
            if (!options.has("mediaDir")) {
                // Relative media paths in the file resolve against its folder, as they would for the server's own sets.
                options.put("mediaDir", path.toAbsolutePath().normalize().getParent().toString());
            }
            body.text("options", "application/json", options.toString())
                    .file("dataset", path.getFileName().toString(), "application/x-ndjson", Files.readAllBytes(path));
        }
        ServerClient.Reply started = server.post("/v1/evaluations", body.contentType(), body.bytes());
        if (started.status() != 202) {
            err.println("the server refused the run (" + started.status() + "): " + started.problem());
            return 2;
        }
        String id = started.json().path("id").asText();
        err.println("evaluation " + id);
        JsonNode run = follow(server, id);
        err.println();
        out.print(MetricsTable.render(run));
        if (jsonOut != null) {
            Files.writeString(jsonOut, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
        }
        return "completed".equals(run.path("status").asText()) ? 0 : 1;
    }

    /** Reads the run's SSE stream until its last event; returns the run it carries. */
    private JsonNode follow(ServerClient server, String id) throws IOException, InterruptedException {
        ProgressLine bar = new ProgressLine(err, true, "cases");
        JsonNode last = server.events("/v1/evaluations/" + id + "/events",
                (event, node) -> bar.show(event.equals("progress") && !node.has("progress") ? node : node.path("progress")));
        if (last == null) {
            // The stream ended without a final event (e.g. the run is halted): show it as it stands.
            last = server.get("/v1/evaluations/" + id).json();
        }
        return last;
    }

    private static String value(Deque<String> queue, String flag) {
        String v = queue.poll();
        if (v == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return v;
    }
}
