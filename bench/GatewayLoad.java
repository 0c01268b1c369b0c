import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for OpenAI-compatible chat completions (the gateway benchmark). C keep-alive connections, either
 * closed loop (each sends its next request when its last reply has ended: the most a target serves) or open loop at
 * a fixed rate ({@code --rate R}: the latency a target adds when it is not saturated), for a fixed time (after a
 * warm-up) and at most a fixed number of requests. It records each request's latency (send to last byte) and, for
 * streams, its time to first byte (send to the first chunk of the body: the first SSE event). One event loop, so that
 * it uses one core at most. Prints one line: key=value pairs.
 *
 *   java -cp "target/quarkus-app/lib/main/*" bench/GatewayLoad.java --url http://127.0.0.1:38080/v1/chat/completions \
 *        --model m --concurrency 32 --seconds 5 --warmup 2 [--stream true] [--header name:value ...] [--label x]
 */
public class GatewayLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("header")) {
                String[] kv = args[i + 1].split(":", 2);
                headers.put(kv[0].trim(), kv[1].trim());
            } else {
                a.put(key, args[i + 1]);
            }
        }
        URI url = URI.create(a.getOrDefault("url", "http://127.0.0.1:38080/v1/chat/completions"));
        String model = a.getOrDefault("model", "stub-model");
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "32"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "5"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "2"));
        int maxRequests = Integer.parseInt(a.getOrDefault("max-requests", "1000000"));
        boolean stream = Boolean.parseBoolean(a.getOrDefault("stream", "false"));
        String label = a.getOrDefault("label", url.getPort() + "");
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));

        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"How does the person in the photo feel? Answer in one sentence.\"}],"
                + "\"max_tokens\":64,\"temperature\":0.2" + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
        Buffer payload = Buffer.buffer(body);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setIdleTimeout(0))
                .with(new PoolOptions().setHttp1MaxSize(concurrency).setMaxWaitQueueSize(-1))
                .build();
        Run run = new Run(vertx, client, url, headers, payload, concurrency, maxRequests, rate);
        if (warmup > 0) {
            run.go((long) (warmup * 1e9));
        }
        Result r = run.go((long) (seconds * 1e9));
        System.out.println(String.format(Locale.ROOT,
                "label=%s stream=%s concurrency=%d rate=%.0f requests=%d errors=%d late=%d seconds=%.2f rps=%.0f p50=%.3f p90=%.3f p99=%.3f "
                        + "max=%.3f ttfb_p50=%.3f ttfb_p99=%.3f",
                label, stream, concurrency, rate, r.count, r.errors, r.late, r.seconds, r.count / r.seconds, pct(r.latency, 50),
                pct(r.latency, 90), pct(r.latency, 99), pct(r.latency, 100), pct(r.ttfb, 50), pct(r.ttfb, 99)));
        client.close();
        vertx.close();
    }

    record Result(int count, int errors, int late, double seconds, long[] latency, long[] ttfb) {
    }

    /**
     * One measurement. Closed loop (rate 0): every connection sends its next request when its last reply has ended.
     * Open loop (rate R): requests are due at R per second whatever the replies do; a due request waits for a free
     * connection if all C are busy, and its latency counts from when it was due (no coordinated omission); requests
     * still waiting at the end are reported as {@code late}.
     */
    static final class Run {
        final Vertx vertx;
        final HttpClient client;
        final URI url;
        final Map<String, String> headers;
        final Buffer payload;
        final int concurrency;
        final int maxRequests;
        final double rate;
        long[] latency;
        long[] ttfb;
        int count;
        int errors;
        long start;
        long deadline;
        long issued;
        int active;
        boolean stopped;
        final ArrayDeque<Long> waiting = new ArrayDeque<>();
        CountDownLatch done;

        Run(Vertx vertx, HttpClient client, URI url, Map<String, String> headers, Buffer payload, int concurrency, int maxRequests, double rate) {
            this.vertx = vertx;
            this.client = client;
            this.url = url;
            this.headers = headers;
            this.payload = payload;
            this.concurrency = concurrency;
            this.maxRequests = maxRequests;
            this.rate = rate;
        }

        Result go(long nanos) throws InterruptedException {
            latency = new long[Math.min(maxRequests, 2_000_000)];
            ttfb = new long[latency.length];
            count = 0;
            errors = 0;
            issued = 0;
            stopped = false;
            waiting.clear();
            done = new CountDownLatch(1);
            start = System.nanoTime();
            deadline = start + nanos;
            int[] late = {0};
            vertx.runOnContext(v -> {
                if (rate <= 0) {
                    active = concurrency;
                    for (int i = 0; i < concurrency; i++) {
                        send(System.nanoTime());
                    }
                    return;
                }
                active = 0;
                pace(((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop(), late);
            });
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(count, errors, late[0], seconds, Arrays.copyOf(latency, count), Arrays.copyOf(ttfb, count));
        }

        /**
         * Open loop: sends every request that is due (request k is due at start + k / rate) and schedules itself for the
         * next one on the event loop's own timer, which has microsecond resolution (Vert.x timers have milliseconds, which
         * would add up to a millisecond of the generator's own delay to every figure).
         */
        void pace(EventLoop loop, int[] late) {
            long now = System.nanoTime();
            if (now >= deadline || count >= latency.length) {
                stopped = true;
                late[0] = waiting.size();
                waiting.clear();
                if (active == 0) {
                    done.countDown();
                }
                return;
            }
            for (long intended = due(issued); intended <= now; intended = due(++issued)) {
                if (active < concurrency) {
                    active++;
                    send(intended);
                } else {
                    waiting.add(intended);
                }
            }
            loop.schedule(() -> pace(loop, late), Math.max(0, due(issued) - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        long due(long k) {
            return start + (long) (k * 1e9 / rate);
        }

        /** The next request of a connection that just became free. */
        void next() {
            if (rate <= 0) {
                if (System.nanoTime() >= deadline || count >= latency.length) {
                    if (--active == 0) {
                        done.countDown();
                    }
                    return;
                }
                send(System.nanoTime());
                return;
            }
            Long intended = waiting.poll();
            if (intended != null && !stopped) {
                send(intended);
                return;
            }
            active--;
            if (stopped && active == 0) {
                done.countDown();
            }
        }

        void send(long t0) {
            long[] first = {0};
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(url.getPort())
                    .setURI(url.getRawPath()).putHeader("content-type", "application/json").setIdleTimeout(30_000);
            headers.forEach(options::putHeader);
            client.request(options)
                    .compose(req -> req.send(payload))
                    .compose(resp -> {
                        if (resp.statusCode() != 200) {
                            return resp.body().compose(b -> io.vertx.core.Future.failedFuture("HTTP " + resp.statusCode() + ": " + b));
                        }
                        io.vertx.core.Promise<Void> end = io.vertx.core.Promise.promise();
                        resp.handler(chunk -> {
                            if (first[0] == 0) {
                                first[0] = System.nanoTime();
                            }
                        });
                        resp.endHandler(v -> end.tryComplete());
                        resp.exceptionHandler(end::tryFail);
                        return end.future();
                    })
                    .onComplete(ar -> {
                        long t1 = System.nanoTime();
                        if (ar.failed()) {
                            if (errors++ < 3) {
                                System.err.println("error: " + ar.cause().getMessage());
                            }
                        } else if (count < latency.length) {
                            latency[count] = t1 - t0;
                            ttfb[count] = (first[0] == 0 ? t1 : first[0]) - t0;
                            count++;
                        }
                        next();
                    });
        }
    }

    static double pct(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
