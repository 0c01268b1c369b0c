import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw lines of bench/gateway.sh (one GatewayLoad line per target, mode, concurrency and repeat) into the
 * Markdown tables of bench/results/gateway.md: the median over repeats of each figure, the latency Affectra, the bare
 * proxy and Portkey add to the direct path (per repeat, then the median), the throughput ratio, and the gateway's own overhead from Affectra's Prometheus histogram.
 *
 *   java bench/GatewayReport.java RAW_LINES METRICS_TEXT
 */
public class GatewayReport {

    /** In table order: the stub itself, Affectra, the bare Vert.x proxy (the floor), Portkey. */
    static final List<String> TARGETS = List.of("direct", "affectra", "bare", "portkey");

    record Run(int rep, String target, boolean stream, int concurrency, double rate, Map<String, Double> v) {
    }

    public static void main(String[] args) throws Exception {
        List<Run> runs = new ArrayList<>();
        Pattern kv = Pattern.compile("(\\w+)=([^ ]+)");
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.contains("label=")) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            Matcher m = kv.matcher(line);
            while (m.find()) {
                f.put(m.group(1), m.group(2));
            }
            Map<String, Double> v = new LinkedHashMap<>();
            for (String k : List.of("rps", "p50", "p99", "ttfb_p50", "ttfb_p99", "errors", "requests", "late")) {
                v.put(k, Double.parseDouble(f.getOrDefault(k, "0")));
            }
            runs.add(new Run(Integer.parseInt(f.getOrDefault("rep", "1")), f.get("label"), Boolean.parseBoolean(f.get("stream")), Integer.parseInt(f.get("concurrency")),
                    Double.parseDouble(f.getOrDefault("rate", "0")), v));
        }
        List<Run> open = runs.stream().filter(r -> r.rate() > 0).toList();
        runs = runs.stream().filter(r -> r.rate() == 0).toList();
        StringBuilder out = new StringBuilder("\n## Closed loop: as many requests as each target serves\n");
        for (boolean stream : new boolean[] {false, true}) {
            out.append("\n### ").append(stream ? "Streaming (`stream: true`, 7 SSE events + `[DONE]`)" : "JSON (`stream: false`)").append("\n\n");
            out.append("| concurrency | target | requests/s | p50 ms | p99 ms | added p50 ms | added p99 ms |")
                    .append(stream ? " TTFB p50 ms | TTFB p99 ms |" : "").append(" errors |\n");
            out.append("|---:|---|---:|---:|---:|---:|---:|").append(stream ? "---:|---:|" : "").append("---:|\n");
            TreeMap<Integer, List<Run>> byLevel = new TreeMap<>();
            runs.stream().filter(r -> r.stream() == stream).forEach(r -> byLevel.computeIfAbsent(r.concurrency(), k -> new ArrayList<>()).add(r));
            byLevel.forEach((level, list) -> {
                for (String target : TARGETS) {
                    if (list.stream().noneMatch(r -> r.target().equals(target))) {
                        continue;
                    }
                    boolean direct = target.equals("direct");
                    out.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f | %s | %s |", level, target,
                            median(list, target, "rps"), median(list, target, "p50"), median(list, target, "p99"),
                            direct ? "-" : String.format(Locale.ROOT, "%.2f", added(list, target, "p50")),
                            direct ? "-" : String.format(Locale.ROOT, "%.2f", added(list, target, "p99"))));
                    if (stream) {
                        out.append(String.format(Locale.ROOT, " %.2f | %.2f |", median(list, target, "ttfb_p50"), median(list, target, "ttfb_p99")));
                    }
                    out.append(String.format(Locale.ROOT, " %.0f |%n", sum(list, target, "errors")));
                }
                double a = median(list, "affectra", "rps");
                double p = median(list, "portkey", "rps");
                if (a > 0 && p > 0) {
                    out.append(String.format(Locale.ROOT, "| %d | **Affectra / Portkey** | **%.1fx** | | | | |%s |%n", level, a / p,
                            stream ? " | |" : ""));
                }
            });
        }
        out.append(openLoop(open));
        out.append(targets(runs, open));
        if (args.length > 2 && Files.exists(Path.of(args[1]))) {
            out.append(overhead(Files.readString(Path.of(args[1])), Files.readString(Path.of(args[2]))));
        }
        System.out.print(out);
    }

    /** Fixed request rate over 32 connections: the latency each target adds when it is not saturated. */
    static String openLoop(List<Run> open) {
        if (open.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n## Open loop: %.0f requests/s over %d connections%n%n"
                + "Requests are due at a fixed rate whatever the replies do (latency counts from when a request was due, so a "
                + "stalled target cannot hide its queue); below every target's capacity, this is the latency a gateway adds "
                + "rather than the queueing of a saturated machine.%n%n", open.get(0).rate(), open.get(0).concurrency()));
        out.append("| mode | target | requests/s | p50 ms | p99 ms | added p50 ms | added p99 ms | TTFB p50 ms | late | errors |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (boolean stream : new boolean[] {false, true}) {
            List<Run> list = open.stream().filter(r -> r.stream() == stream).toList();
            for (String target : TARGETS) {
                if (list.stream().noneMatch(r -> r.target().equals(target))) {
                    continue;
                }
                boolean direct = target.equals("direct");
                out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %s | %s | %s | %.0f | %.0f |%n", stream ? "stream" : "JSON",
                        target, median(list, target, "rps"), median(list, target, "p50"), median(list, target, "p99"),
                        direct ? "-" : String.format(Locale.ROOT, "%.2f", added(list, target, "p50")),
                        direct ? "-" : String.format(Locale.ROOT, "%.2f", added(list, target, "p99")),
                        stream ? String.format(Locale.ROOT, "%.2f", median(list, target, "ttfb_p50")) : "-",
                        sum(list, target, "late"), sum(list, target, "errors")));
            }
        }
        return out.toString();
    }

    /** The targets: at least 4x Portkey's requests/s and under 5 ms added p99 at 32, stream TTFB p50 under 5 ms. */
    static String targets(List<Run> runs, List<Run> open) {
        StringBuilder out = new StringBuilder("\n### Targets\n\n| target | measured | met |\n|---|---:|---|\n");
        for (boolean stream : new boolean[] {false, true}) {
            String mode = stream ? "streaming" : "JSON";
            List<Run> at32 = runs.stream().filter(r -> r.stream() == stream && r.concurrency() == 32).toList();
            if (!at32.isEmpty()) {
                double ratio = median(at32, "affectra", "rps") / median(at32, "portkey", "rps");
                double added = added(at32, "affectra", "p99");
                out.append(String.format(Locale.ROOT, "| requests/s at concurrency 32 >= 4x Portkey's, %s | %.1fx | %s |%n", mode, ratio,
                        ratio >= 4 ? "yes" : "**no**"));
                out.append(String.format(Locale.ROOT, "| added p99 latency at concurrency 32 < 5 ms, %s, closed loop | %.2f ms | %s |%n", mode,
                        added, added < 5 ? "yes" : "**no**"));
                double floor = added(at32, "bare", "p99");
                if (!Double.isNaN(floor)) {
                    out.append(String.format(Locale.ROOT, "| (reference: the bare Vert.x proxy's added p99, %s, closed loop) | %.2f ms | %s |%n",
                            mode, floor, floor < 5 ? "yes" : "**no**"));
                }
            }
            List<Run> fixed = open.stream().filter(r -> r.stream() == stream).toList();
            if (!fixed.isEmpty()) {
                double added = added(fixed, "affectra", "p99");
                out.append(String.format(Locale.ROOT, "| added p99 latency at concurrency 32 < 5 ms, %s, open loop %.0f/s | %.2f ms | %s |%n", mode,
                        fixed.get(0).rate(), added, added < 5 ? "yes" : "**no**"));
            }
        }
        new TreeMap<>(runs.stream().filter(Run::stream).collect(java.util.stream.Collectors.groupingBy(Run::concurrency))).forEach((level, list) -> {
            double ttfb = median(list, "affectra", "ttfb_p50");
            out.append(String.format(Locale.ROOT, "| stream time to first byte p50 < 5 ms, concurrency %d (direct: %.2f ms, Portkey: %.2f ms) | %.2f ms | %s |%n",
                    level, median(list, "direct", "ttfb_p50"), median(list, "portkey", "ttfb_p50"), ttfb, ttfb < 5 ? "yes" : "**no**"));
        });
        return out.toString();
    }

    /** The gateway's own time per request (request minus backend), from affectra_gateway_overhead_seconds buckets. */
    static String overhead(String before, String after) {
        Map<String, TreeMap<Double, Double>> series = buckets(after);
        buckets(before).forEach((tags, earlier) -> {
            TreeMap<Double, Double> later = series.get(tags);
            if (later != null) {
                earlier.forEach((le, count) -> later.computeIfPresent(le, (k, v) -> v - count));
            }
        });
        StringBuilder out = new StringBuilder("\n### The gateway's own time per request, as Affectra measures it\n\n"
                + "`affectra_gateway_overhead_seconds` (request time minus backend time, over the measured runs; from the "
                + "Prometheus histogram, so quantiles are bucket bounds).\n\n| series | requests | p50 <= ms | p99 <= ms | share under 1 ms |\n|---|---:|---:|---:|---:|\n");
        series.forEach((tags, buckets) -> {
            double total = buckets.lastEntry().getValue();
            if (total == 0) {
                return;
            }
            Double underOne = buckets.get(0.001);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s | %s |%n", tags.replaceAll(",$", ""), total,
                    quantile(buckets, total, 0.5), quantile(buckets, total, 0.99),
                    underOne == null ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * underOne / total)));
        });
        return out.toString();
    }

    private static Map<String, TreeMap<Double, Double>> buckets(String metrics) {
        Pattern bucket = Pattern.compile("affectra_gateway_overhead_seconds_bucket\\{([^}]*)le=\"([^\"]+)\"[^}]*} ([0-9.E+-]+)");
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        Matcher m = bucket.matcher(metrics);
        while (m.find()) {
            double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
            series.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(le, Double.parseDouble(m.group(3)));
        }
        return series;
    }

    private static String quantile(TreeMap<Double, Double> buckets, double total, double q) {
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? "inf" : String.format(Locale.ROOT, "%.3f", e.getKey() * 1000);
            }
        }
        return "inf";
    }

    /** What a target adds to the direct path: per repeat (the two ran back to back), then the median over repeats. */
    private static double added(List<Run> runs, String target, String key) {
        Map<Integer, Double> direct = new TreeMap<>();
        runs.stream().filter(r -> r.target().equals("direct")).forEach(r -> direct.put(r.rep(), r.v().get(key)));
        double[] values = runs.stream().filter(r -> r.target().equals(target) && direct.containsKey(r.rep()))
                .mapToDouble(r -> r.v().get(key) - direct.get(r.rep())).sorted().toArray();
        return median(values);
    }

    private static double median(List<Run> runs, String target, String key) {
        return median(runs.stream().filter(r -> r.target().equals(target)).mapToDouble(r -> r.v().get(key)).sorted().toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static double sum(List<Run> runs, String target, String key) {
        return runs.stream().filter(r -> r.target().equals(target)).mapToDouble(r -> r.v().get(key)).sum();
    }
}
