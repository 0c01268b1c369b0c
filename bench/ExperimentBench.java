import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Drives the experiment runner of one server against the zero-latency stub (bench/ExperimentStub.java): text-only label
 * experiments with the completion cache off at concurrency 1 and 16, the same backend request timed against the stub
 * directly, and a 10,000-trial run with the server's live heap after a full GC at its start, after about 1,000 and
 * 5,000 trials, at its end and at the end of the same run twice more. Prints the figures; bench/experiment-runner.sh writes
 * them to bench/results.
 *
 *   java -cp "$classes:target/quarkus-app/lib/main/*" ExperimentBench --url http://127.0.0.1:38180 --stub http://127.0.0.1:38101 \
 *     --pid SERVER_PID --jcmd $JAVA_HOME/bin/jcmd --backends bench1,bench2,bench3,bench4
 */
public class ExperimentBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> LABELS = List.of("happiness", "sadness", "anger", "neutral");
    static final String[] SENTENCES = {
        "We finally won the final and everyone was cheering in the street.",
        "I waited all day at the hospital and nobody told me anything.",
        "They cancelled my flight again without a word of apology.",
        "The meeting moved to Thursday; the agenda is the same as last week.",
        "My sister called to say the baby arrived safe and sound this morning.",
        "The old dog we had for fifteen years died last night.",
    };

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String url;
    final String stub;
    final String pid;
    final String jcmd;

    ExperimentBench(String url, String stub, String pid, String jcmd) {
        this.url = url;
        this.stub = stub;
        this.pid = pid;
        this.jcmd = jcmd;
    }

    /**
     * @param jitSeconds what the server's JIT spent compiling during the run (jstat -compiler), CPU taken from the trials
     */
    record Run(String id, int trials, int cells, double wallSeconds, long[] p50, long[] p95, int errors, int unparseable, long backendCalls,
            double jitSeconds) {

        double msPerTrial() {
            return wallSeconds * 1000 / trials;
        }
    }

    record Timing(int requests, double meanMs, double p50Ms, double p95Ms, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ExperimentBench bench = new ExperimentBench(a.get("url"), a.get("stub"), a.get("pid"), a.get("jcmd"));
        List<String> backends = Arrays.asList(a.getOrDefault("backends", "bench1").split(","));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "40000"));
        int serial = Integer.parseInt(a.getOrDefault("serial", "5000"));
        int parallel = Integer.parseInt(a.getOrDefault("parallel", "10000"));
        int heapCases = Integer.parseInt(a.getOrDefault("heap-cases", "2500"));
        bench.go(backends, warmup, serial, parallel, heapCases);
    }

    void go(List<String> backends, int warmup, int serial, int parallel, int heapCases) throws Exception {
        String one = backends.get(0);
        out("text-only label dataset (one sentence per case, no media), strategy direct, cache: false, backend '%s' -> stub on loopback", one);
        // The JIT keeps compiling for tens of thousands of trials; on two cores its compiling would count as the runner's. Warm up
        // until one 2,000-trial run leaves it compiling under half a second (at most `warmup` trials).
        double warmWall = 0;
        double warmJit = 0;
        int warmed = 0;
        double lastJit = Double.NaN;
        while (warmed < warmup) {
            Run w = run("warm-up", 2000, List.of(one), 16);
            warmed += w.trials();
            warmWall += w.wallSeconds();
            warmJit += w.jitSeconds();
            lastJit = w.jitSeconds();
            if (lastJit < 0.5) {
                break;
            }
        }
        out("warm-up: %d trials at concurrency 16 (JIT, pools, connections), not counted: %.1f s, JIT compiling %.1f s meanwhile, %.2f s during"
                + " its last 2,000", warmed, warmWall, warmJit, lastJit);
        Timing direct = direct(5000, 3000); // the driver's own client warmed up first: a cold one would flatter the runner
        Run c1 = run("concurrency 1", serial, List.of(one), 1);
        Timing directAfter = direct(0, 3000);
        Run c16 = run("concurrency 16", parallel, List.of(one), 16);
        Timing stub16 = directConcurrent(16, 8000);
        out("");
        for (Run r : List.of(c1, c16)) {
            out("%s: %d trials in %.2f s = %.0f trials/s, %.3f ms wall per trial; trial latency (view, whole ms) p50 %d ms p95 %d ms; errors %d,"
                    + " unparseable %d, backend calls %d; JIT compiling %.2f s meanwhile", r == c1 ? "concurrency  1" : "concurrency 16", r.trials(),
                    r.wallSeconds(), r.trials() / r.wallSeconds(), r.msPerTrial(), r.p50()[0], r.p95()[0], r.errors(), r.unparseable(), r.backendCalls(),
                    r.jitSeconds());
        }
        double roundTrip = (direct.meanMs() + directAfter.meanMs()) / 2;
        String version = http.send(HttpRequest.newBuilder(URI.create(stub + "/bench/version")).build(), HttpResponse.BodyHandlers.ofString()).body();
        out("stub round trip, the server's own last request (%d bytes, sent over %s) replayed directly (JDK HttpClient, HTTP/1.1, one connection,"
                + " one after the other): mean %.3f ms (before the run %.3f, after %.3f), p50 %.3f ms, p95 %.3f ms", lastRequest().length, version, roundTrip,
                direct.meanMs(), directAfter.meanMs(), direct.p50Ms(), direct.p95Ms());
        out("stub alone, 16 concurrent clients of the driver (JDK HttpClient; driver and stub then share the cores): %.0f requests/s, p50 %.3f ms",
                stub16.perSecond(), stub16.p50Ms());
        out("runner overhead per trial = wall per trial at concurrency 1 - stub round trip = %.3f - %.3f = %.3f ms", c1.msPerTrial(), roundTrip,
                c1.msPerTrial() - roundTrip);
        out("");
        heap(backends, heapCases);
    }

    /** Submits an experiment over n generated cases, waits for it and reads its view. */
    Run run(String name, int cases, List<String> backends, int concurrency) throws Exception {
        long callsBefore = stubCount();
        double jit = jitSeconds();
        ObjectNode spec = spec(name, backends, concurrency);
        String id = submit(spec, dataset(cases));
        awaitEnd(id);
        JsonNode view = get("/v1/experiments/" + id);
        if (!"completed".equals(view.path("status").asText())) {
            throw new IllegalStateException(name + ": experiment " + id + " ended " + view.path("status").asText() + ": " + view.path("error").asText());
        }
        double wall = Duration.between(Instant.parse(view.get("createdAt").asText()), Instant.parse(view.get("completedAt").asText())).toNanos() / 1e9;
        JsonNode cells = view.get("cells");
        long[] p50 = new long[cells.size()];
        long[] p95 = new long[cells.size()];
        int errors = 0;
        int unparseable = 0;
        for (int i = 0; i < cells.size(); i++) {
            p50[i] = cells.get(i).path("latencyMs").path("p50").asLong();
            p95[i] = cells.get(i).path("latencyMs").path("p95").asLong();
            errors += cells.get(i).path("errors").asInt();
            unparseable += cells.get(i).path("unparseable").asInt();
        }
        return new Run(id, view.path("progress").path("done").asInt(), cells.size(), wall, p50, p95, errors, unparseable, stubCount() - callsBefore,
                jitSeconds() - jit);
    }

    /** Live bytes by class, and in all, from one class histogram (which collects the heap first). */
    record Live(Map<String, Long> classes, long total) {

        double mib() {
            return total / 1048576.0;
        }
    }

    /**
     * The 10,000-trial run: the live heap before it, as it starts, after about 1,000 and 5,000 trials and at its end;
     * then the same run twice more, to see whether the end of a run depends on how many trials the server ran before.
     */
    void heap(List<String> backends, int cases) throws Exception {
        Live idle = live();
        String id = submit(spec("heap", backends, 16), dataset(cases));
        Live start = live();
        int total = cases * backends.size();
        Live at1000 = null;
        Live at5000 = null;
        int done1000 = 0;
        int done5000 = 0;
        // Progress events (SSE) say how far it is; the stream is left once it passed 5,000.
        HttpRequest events = HttpRequest.newBuilder(URI.create(url + "/v1/experiments/" + id + "/events")).header("Accept", "text/event-stream").build();
        try (Stream<String> lines = http.send(events, HttpResponse.BodyHandlers.ofLines()).body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext() && at5000 == null) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                JsonNode data = JSON.readTree(line.substring(5));
                int done = data.path("done").asInt(data.path("progress").path("done").asInt());
                if (at1000 == null && done >= 1000) {
                    done1000 = done;
                    at1000 = live();
                } else if (at1000 != null && done >= 5000) {
                    done5000 = done;
                    at5000 = live();
                }
                if (done >= total) {
                    break;
                }
            }
        }
        awaitEnd(id);
        Live end = live();
        JsonNode view = get("/v1/experiments/" + id);
        double wall = Duration.between(Instant.parse(view.get("createdAt").asText()), Instant.parse(view.get("completedAt").asText())).toNanos() / 1e9;
        List<Live> again = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            awaitEnd(submit(spec("heap-again", backends, 16), dataset(cases)));
            again.add(live());
        }
        out("%d-trial run (%d cases x %d cells, one backend per cell, all on the stub), concurrency 16: %s, %d trials in %.1f s = %.0f trials/s,"
                + " errors %d", total, cases, backends.size(), view.path("status").asText(), view.path("progress").path("done").asInt(), wall,
                view.path("progress").path("done").asInt() / wall, sum(view.get("cells"), "errors"));
        out("server live heap (jcmd GC.class_histogram: what is reachable right after the full GC it runs first):");
        out("  idle, before the run                        %7.1f MiB", idle.mib());
        out("  just after submitting (all trials queued)   %7.1f MiB", start.mib());
        out("  after %5d trials                          %7.1f MiB", done1000, at1000.mib());
        out("  after %5d trials                          %7.1f MiB", done5000, at5000.mib());
        out("  at the end (completed, %5d trials)        %7.1f MiB", total, end.mib());
        for (int i = 0; i < again.size(); i++) {
            out("  at the end of the same run again (%d)         %7.1f MiB  (%d trials since the idle figure)", i + 2, again.get(i).mib(), (i + 2) * total);
        }
        out("the pending trials as the run starts (the runner keeps one Runnable per pending trial; the worker pool's queue one task and one node):");
        long bytes = 0;
        for (Map.Entry<String, Long> e : start.classes().entrySet()) {
            if (e.getKey().startsWith("io.affectra.eval.EvaluationRunner$Execution$$Lambda") || e.getKey().equals("java.util.concurrent.LinkedBlockingQueue$Node")) {
                if (e.getValue() > 10_000) {
                    out("  %10d bytes  %s", e.getValue(), e.getKey());
                }
                bytes += e.getValue();
            }
        }
        out("  together %.2f MiB for %d trials (%.0f bytes per trial), released as the trials finish", bytes / 1048576.0, total, (double) bytes / total);
        out("what the live heap holds beyond idle (the largest differences by class):");
        grown("just after submitting", idle, start);
        grown("after " + done5000 + " trials", idle, at5000);
        grown("at the end", idle, end);
        grown("at the end of the third run, beyond the end of the first", end, again.get(again.size() - 1));
    }

    static void grown(String when, Live before, Live after) {
        out("  %s: %+.1f MiB in all", when, (after.total() - before.total()) / 1048576.0);
        after.classes().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.classes().getOrDefault(e.getKey(), 0L)))
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(5)
                .forEach(e -> out("    %+8.2f MiB  %s", e.getValue() / 1048576.0, e.getKey()));
    }

    /**
     * The live heap from a class histogram, which collects first and counts in the same pause. (GC.run, then GC.heap_info,
     * would also count what the running trials allocate between the two commands: tens of MiB at concurrency 16.)
     */
    Live live() throws Exception {
        Map<String, Long> classes = new TreeMap<>();
        long total = -1;
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                // Lambda classes under one name: their addresses differ from run to run.
                classes.merge(f[3].replaceAll("/0x[0-9a-f]+", ""), Long.parseLong(f[2]), Long::sum);
            } else if (f.length == 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        if (total < 0) {
            throw new IllegalStateException("no Total in GC.class_histogram");
        }
        return new Live(classes, total);
    }

    static int sum(JsonNode cells, String field) {
        int n = 0;
        for (JsonNode c : cells) {
            n += c.path(field).asInt();
        }
        return n;
    }

    static ObjectNode spec(String name, List<String> backends, int concurrency) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("name", "bench-" + name.replace(' ', '-')).put("format", "label");
        ArrayNode labels = spec.putArray("labels");
        LABELS.forEach(labels::add);
        ArrayNode b = spec.putArray("backends");
        backends.forEach(b::add);
        spec.putArray("strategies").add("direct");
        spec.put("concurrency", concurrency).put("cache", false);
        return spec;
    }

    /** n text-only cases: a sentence (numbered, so no two are alike) and a gold label. */
    static String dataset(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ObjectNode item = JSON.createObjectNode();
            item.put("id", "t" + i).put("text", "(" + i + ") " + SENTENCES[i % SENTENCES.length]).put("label", LABELS.get(i % LABELS.size()));
            sb.append(item).append('\n');
        }
        return sb.toString();
    }

    String submit(ObjectNode spec, String dataset) throws Exception {
        String boundary = "affectra-bench";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n" + spec
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"; filename=\"bench.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n" + dataset + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/experiments")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Polls the newest entry of the experiment list (cheap: no report is built) until the run is no longer running. */
    void awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode e : get("/v1/experiments?limit=1")) {
                if (e.get("id").asText().equals(id) && !"running".equals(e.get("status").asText())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("experiment " + id + " still running after 5 minutes");
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    long stubCount() throws Exception {
        return Long.parseLong(http.send(HttpRequest.newBuilder(URI.create(stub + "/bench/count")).build(), HttpResponse.BodyHandlers.ofString()).body().trim());
    }

    byte[] lastRequest() throws Exception {
        byte[] body = http.send(HttpRequest.newBuilder(URI.create(stub + "/bench/last-request")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        if (body.length == 0) {
            throw new IllegalStateException("the stub has seen no completion request yet");
        }
        return body;
    }

    /** The request the server last sent the stub, sent again directly, one after the other on one connection. */
    Timing direct(int warmup, int requests) throws Exception {
        byte[] body = lastRequest();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int i = 0; i < warmup; i++) {
            call(request);
        }
        double[] ms = new double[requests];
        long t0 = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            call(request);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return timing(ms, seconds);
    }

    /** The same request from n concurrent clients: what the stub itself can serve. */
    Timing directConcurrent(int clients, int requests) throws Exception {
        byte[] body = lastRequest();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        double[] ms = new double[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    call(request);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return timing(ms, seconds);
    }

    void call(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"usage\"")) {
            throw new IllegalStateException("the stub answered " + r.statusCode());
        }
    }

    static Timing timing(double[] ms, double seconds) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);
        return new Timing(ms.length, mean, sorted[(int) Math.ceil(0.50 * sorted.length) - 1], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                ms.length / seconds);
    }

    /** The server's total JIT compile time so far, from jstat -compiler (the column Time). */
    double jitSeconds() throws Exception {
        Process p = new ProcessBuilder(jcmd.replaceFirst("jcmd$", "jstat"), "-compiler", pid).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        p.waitFor();
        String[] head = lines.get(0).trim().split("\\s+");
        String[] row = lines.get(1).trim().split("\\s+");
        return Double.parseDouble(row[Arrays.asList(head).indexOf("Time")]);
    }

    String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(jcmd, pid, command).redirectErrorStream(true).start();
        String text;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            text = String.join("\n", r.lines().toList());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + text);
        }
        return text;
    }

    static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
