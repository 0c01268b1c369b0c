import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for POST /v1/emotion/analyze (run with: java bench/ImageLoad.java ...).
 * Sends the same image from C concurrent clients, a fixed number of requests per level, and prints
 * images/s, client latency percentiles and the server's own per-stage timings (from each response).
 *
 *   java bench/ImageLoad.java --url http://127.0.0.1:8080 --image examples/friends.jpg --levels 1,2,4 --requests 60
 */
public class ImageLoad {

    private static final Pattern TIMINGS = Pattern.compile("\"timings\":\\{([^}]*)}");
    private static final Pattern ENTRY = Pattern.compile("\"([a-zA-Z.]+)\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = a.getOrDefault("url", "http://127.0.0.1:8080") + "/v1/emotion/analyze";
        Path image = Path.of(a.getOrDefault("image", "examples/friends.jpg"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        String[] levels = a.getOrDefault("levels", "1,2,4").split(",");

        byte[] body = multipart(image);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.printf(Locale.ROOT, "image %s (%d bytes), %d requests per level after %d warm-up%n",
                image, Files.size(image), requests, warmup);
        for (int i = 0; i < warmup; i++) {
            send(client, url, body);
        }
        for (String level : levels) {
            run(client, url, body, Integer.parseInt(level.trim()), requests);
        }
    }

    private static void run(HttpClient client, String url, byte[] body, int concurrency, int requests) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Double>> stages = new TreeMap<>();
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send(client, url, body);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                        continue;
                    }
                    Matcher m = TIMINGS.matcher(r.body());
                    if (m.find()) {
                        Matcher e = ENTRY.matcher(m.group(1));
                        synchronized (stages) {
                            while (e.find()) {
                                stages.computeIfAbsent(e.group(1), k -> new ArrayList<>()).add(Double.parseDouble(e.group(2)));
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nconcurrency %d: %.2f images/s, %d errors, latency p50 %.1f ms p90 %.1f ms p99 %.1f ms mean %.1f ms%n",
                concurrency, requests / seconds, errors.get(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        System.out.println("  server stage       p50 ms    p90 ms   mean ms");
        stages.forEach((stage, values) -> System.out.printf(Locale.ROOT, "  %-16s %8.2f  %8.2f  %8.2f%n", stage, pct(values, 50), pct(values, 90),
                values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    }

    private static HttpResponse<String> send(HttpClient client, String url, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=affectra-bench")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(Path image) throws Exception {
        byte[] file = Files.readAllBytes(image);
        String head = "--affectra-bench\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + image.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--affectra-bench--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + file.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(file, 0, out, h.length, file.length);
        System.arraycopy(t, 0, out, h.length + file.length, t.length);
        return out;
    }

    private static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
