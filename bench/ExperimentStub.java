import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A zero-latency OpenAI-compatible backend for the experiment-runner benchmark: POST /v1/chat/completions answers at
 * once with a valid emotion answer as a chat completion with usage. It keeps the last request body it was sent, so that
 * the benchmark can time the same request against it directly (GET /bench/last-request), and counts the completions it
 * served (GET /bench/count) and the HTTP version of the last one (GET /bench/version). HTTP/1.1 only, as the local
 * OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) speak it: no h2c upgrade, which the JDK client would otherwise
 * take. One event loop, so that it takes one core at most.
 *
 * An optional second argument delays every completion by that many milliseconds (a timer, not a thread: thousands can
 * wait at once), for benchmarks that need a backend with a latency (bench/replicas.sh).
 *
 *   java -cp "target/quarkus-app/lib/main/*" bench/ExperimentStub.java PORT [DELAY_MS]
 */
public class ExperimentStub {

    static final String COMPLETION = """
            {"id":"chatcmpl-stub","object":"chat.completion","created":1700000000,"model":"stub-model","system_fingerprint":"stub",\
            "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"label\\": \\"happiness\\", \\"confidence\\": 0.7, \\"reasoning\\": \\"The words sound glad.\\", \\"cueIds\\": []}","refusal":null},\
            "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":420,"completion_tokens":24,"total_tokens":444}}""";

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "38101");
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Buffer completion = Buffer.buffer(COMPLETION);
        AtomicReference<Buffer> last = new AtomicReference<>(Buffer.buffer());
        AtomicLong served = new AtomicLong();
        AtomicReference<String> version = new AtomicReference<>("none");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setIdleTimeout(0).setHttp2ClearTextEnabled(false)).requestHandler(request -> {
            String path = request.path();
            if (path.equals("/bench/last-request")) {
                request.response().putHeader("content-type", "application/json").end(last.get());
                return;
            }
            if (path.equals("/bench/version")) {
                request.response().end(version.get());
                return;
            }
            if (path.equals("/bench/count")) {
                request.response().end(Long.toString(served.get()));
                return;
            }
            if (path.endsWith("/models")) {
                request.response().putHeader("content-type", "application/json")
                        .end("{\"object\":\"list\",\"data\":[{\"id\":\"stub-model\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"stub\"}]}");
                return;
            }
            request.body().onSuccess(body -> {
                last.set(body);
                version.set(request.version().alpnName());
                served.incrementAndGet();
                if (delayMs > 0) {
                    vertx.setTimer(delayMs, t -> request.response().putHeader("content-type", "application/json").end(completion));
                } else {
                    request.response().putHeader("content-type", "application/json").end(completion);
                }
            });
        }).listen(port, "127.0.0.1").onSuccess(s -> System.out.println("stub listening on 127.0.0.1:" + s.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
