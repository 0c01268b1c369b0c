package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * {@code affectra experiment}: prompt experiments from a terminal or a CI job, against a running Affectra server. A
 * plain Java client (JDK HTTP and Jackson), like {@link EvalCommand}: {@code bin/affectra experiment ...}.
 *
 * <pre>
 * affectra experiment run SPEC.yaml [--dataset FILE] [--junit FILE] [--markdown FILE] [--json FILE] [--metric NAME] [--url URL] [--api-key KEY]
 * affectra experiment diff A B [--metric NAME] [--url URL] [--api-key KEY]
 * </pre>
 * {@code run} submits the spec, shows progress on stderr, then prints the leaderboard and the gates on stdout and
 * writes the reports asked for. Exit status: 0 completed and every gate passed (or none), 100 completed with a failed
 * gate, 1 anything else (bad arguments, a refusal, a failed or cancelled run). {@code diff} compares two experiments'
 * matched cells case by case and exits 0 (1 when it cannot).
 */
public final class ExperimentCommand {

    static final String USAGE = """
            usage: affectra experiment run SPEC.yaml [--dataset FILE] [--junit FILE] [--markdown FILE] [--json FILE] [--metric NAME] [--url URL] [--api-key KEY]
                   affectra experiment diff A B [--metric NAME] [--url URL] [--api-key KEY]""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MATRIX_PAGE = 500;

    private record Options(String command, List<String> operands, String url, String apiKey, Path dataset, Path junit, Path markdown, Path json,
            String metric) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    ExperimentCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new ExperimentCommand(System.out, System.err, ProgressLine.interactive()).run(args));
    }

    int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return ExperimentOutcome.ERROR;
        }
        if (o == null) {
            out.println(USAGE);
            return ExperimentOutcome.OK;
        }
        ServerClient server = new ServerClient(o.url(), o.apiKey());
        try {
            return o.command().equals("run") ? runSpec(server, o) : diff(server, o);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExperimentOutcome.ERROR;
        } catch (IOException e) {
            err.println("cannot reach the server at " + server.url() + " (or write a report): " + e.getMessage());
            return ExperimentOutcome.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExperimentOutcome.ERROR;
        }
    }

    private int runSpec(ServerClient server, Options o) throws IOException, InterruptedException {
        Path spec = Path.of(o.operands().get(0));
        if (!Files.isRegularFile(spec)) {
            throw new IllegalArgumentException("no such spec file: " + spec);
        }
        ExperimentSubmission submission = ExperimentSubmission.of(spec, o.dataset());
        ServerClient.Reply started = server.post("/v1/experiments", submission.contentType(), submission.body());
        if (!started.ok()) {
            err.println("the server refused the experiment (" + started.status() + "): " + started.problem());
            return ExperimentOutcome.ERROR;
        }
        JsonNode answer = started.json();
        if (answer.path("dryRun").asBoolean()) {
            out.print(DryRunSummary.text(answer));
            writeJson(o.json(), answer);
            return ExperimentOutcome.OK;
        }
        String id = answer.path("id").asText();
        err.println("experiment " + id + ": " + answer.path("cells").asInt() + " cells, " + answer.path("trials").asLong() + " trials"
                + (submission.uploaded() == null ? "" : ", dataset " + submission.uploaded()));
        answer.path("warnings").forEach(w -> err.println("warning: " + w.asText()));
        JsonNode view = follow(server, id);
        out.print(Leaderboard.text(view, o.metric()));
        if ("running".equals(view.path("status").asText())) {
            err.println("experiment " + id + " is not executing on the server; resume it with POST " + server.url() + "/v1/experiments/" + id + "/resume");
        }
        writeJson(o.json(), view);
        if (o.junit() != null) {
            Files.writeString(o.junit(), JunitReport.of(view), StandardCharsets.UTF_8);
        }
        if (o.markdown() != null) {
            Files.writeString(o.markdown(), Leaderboard.markdown(view, o.metric()), StandardCharsets.UTF_8);
        }
        return ExperimentOutcome.exitCode(view);
    }

    /**
     * Follows the experiment's events to its end; returns its view. A stream that breaks off while the experiment
     * still advances is opened again; one that ends with the experiment running but not advancing (it is not executing
     * on the server, and waits to be resumed) ends the wait.
     */
    private JsonNode follow(ServerClient server, String id) throws IOException, InterruptedException {
        ProgressLine bar = new ProgressLine(err, terminal, "trials");
        int lastDone = -1;
        while (true) {
            JsonNode last = server.events("/v1/experiments/" + id + "/events",
                    (event, node) -> bar.show(event.equals("progress") && !node.has("progress") ? node : node.path("progress")));
            JsonNode view = last != null ? last : view(server, id);
            int done = view.path("progress").path("done").asInt();
            if (!"running".equals(view.path("status").asText()) || done <= lastDone) {
                bar.end();
                return view;
            }
            lastDone = done;
        }
    }

    private int diff(ServerClient server, Options o) throws IOException, InterruptedException {
        String a = o.operands().get(0);
        String b = o.operands().get(1);
        JsonNode viewA = view(server, a);
        JsonNode viewB = view(server, b);
        ExperimentDiff.Result result = ExperimentDiff.of(viewA, matrix(server, a), viewB, matrix(server, b), o.metric());
        out.print(ExperimentDiff.text(result, viewA, viewB));
        return ExperimentOutcome.OK;
    }

    private static JsonNode view(ServerClient server, String id) throws IOException, InterruptedException {
        ServerClient.Reply r = server.get("/v1/experiments/" + encode(id));
        if (!r.ok()) {
            throw new IllegalArgumentException("experiment " + id + " (" + r.status() + "): " + r.problem());
        }
        return r.json();
    }

    /** Every row of the experiment's case matrix, page by page. */
    private static JsonNode matrix(ServerClient server, String id) throws IOException, InterruptedException {
        ObjectNode all = JSON.createObjectNode();
        ArrayNode rows = all.putArray("rows");
        int total = Integer.MAX_VALUE;
        while (rows.size() < total) {
            ServerClient.Reply r = server.get("/v1/experiments/" + encode(id) + "/matrix?offset=" + rows.size() + "&limit=" + MATRIX_PAGE);
            if (!r.ok()) {
                throw new IllegalArgumentException("the case matrix of experiment " + id + " (" + r.status() + "): " + r.problem());
            }
            JsonNode page = r.json();
            total = page.path("total").asInt();
            if (page.path("rows").isEmpty()) {
                break;
            }
            page.path("rows").forEach(rows::add);
            all.set("cells", page.path("cells"));
        }
        return all;
    }

    private void writeJson(Path file, JsonNode node) throws IOException {
        if (file != null) {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node), StandardCharsets.UTF_8);
        }
    }

    /** The options; null when help was asked for. */
    private static Options parse(String[] args) {
        String url = System.getenv().getOrDefault("AFFECTRA_URL", "http://localhost:8080");
        String apiKey = System.getenv("AFFECTRA_API_KEY");
        String command = null;
        Path dataset = null;
        Path junit = null;
        Path markdown = null;
        Path json = null;
        String metric = null;
        List<String> operands = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
        while (!queue.isEmpty()) {
            String arg = queue.poll();
            switch (arg) {
                case "--url" -> url = value(queue, arg);
                case "--api-key" -> apiKey = value(queue, arg);
                case "--dataset" -> dataset = Path.of(value(queue, arg));
                case "--junit" -> junit = Path.of(value(queue, arg));
                case "--markdown" -> markdown = Path.of(value(queue, arg));
                case "--json" -> json = Path.of(value(queue, arg));
                case "--metric" -> metric = value(queue, arg);
                case "-h", "--help", "help" -> {
                    return null;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (command == null) {
                        command = arg;
                    } else {
                        operands.add(arg);
                    }
                }
            }
        }
        if (command == null) {
            throw new IllegalArgumentException("name a subcommand: run or diff");
        }
        switch (command) {
            case "run" -> {
                if (operands.size() != 1) {
                    throw new IllegalArgumentException("experiment run takes one spec file");
                }
            }
            case "diff" -> {
                if (operands.size() != 2) {
                    throw new IllegalArgumentException("experiment diff takes two experiment ids");
                }
                if (dataset != null || junit != null || markdown != null || json != null) {
                    throw new IllegalArgumentException("--dataset, --junit, --markdown and --json belong to experiment run");
                }
            }
            default -> throw new IllegalArgumentException("unknown subcommand '" + command + "': run or diff");
        }
        return new Options(command, List.copyOf(operands), url, apiKey, dataset, junit, markdown, json, metric);
    }

    private static String value(Deque<String> queue, String flag) {
        String v = queue.poll();
        if (v == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return v;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
