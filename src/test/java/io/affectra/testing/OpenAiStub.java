package io.affectra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An LLM server stand-in over real HTTP on 127.0.0.1 (ephemeral port), for tests of the backends and of the
 * OpenAI-compatible surface. It answers every path (so it serves {@code /v1/chat/completions} as well as Ollama's
 * {@code /api/chat}) with a scripted sequence of responses, and records every request.
 *
 * <pre>
 * try (OpenAiStub stub = OpenAiStub.start()) {
 *     stub.enqueue(OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"label\":\"anger\"}", 12, 3)));
 *     ... point a backend at stub.baseUrl() ...
 *     assertThat(stub.requests().get(0).json().path("model").asText()).isEqualTo("m");
 * }
 * </pre>
 *
 * When the script runs out it asks the responder set with {@link #answerWith} (a function of the request, for answerers
 * that are not a fixed script: always yes, seeded random, blocking after k calls), and without one answers 500 with
 * an OpenAI-shaped error saying so.
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A scripted reply.
     *
     * @param events  when not null, the reply is a server-sent event stream of these {@code data:} payloads (each
     *                written and flushed on its own), ended by {@code data: [DONE]} unless {@code hold}
     * @param hold    a stream that stops after its events and stays open until the client goes away or
     *                {@link #release()}; a non-stream reply that never comes (until then)
     * @param headers extra response headers (e.g. {@code retry-after})
     */
    public record Response(int status, String body, Duration delay, List<String> events, boolean hold, Map<String, String> headers) {

        public Response(int status, String body, Duration delay) {
            this(status, body, delay, null, false, Map.of());
        }

        public static Response ok(String body) {
            return new Response(200, body, Duration.ZERO);
        }

        public static Response status(int status, String body) {
            return new Response(status, body, Duration.ZERO);
        }

        /** An OpenAI-shaped error body ({@code {"error": {"message", "type", "code"}}}). */
        public static Response error(int status, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("message", message).put("type", status >= 500 ? "server_error" : "invalid_request_error")
                    .putNull("param").put("code", status);
            return new Response(status, error.toString(), Duration.ZERO);
        }

        /** A stream of {@code data:} events (JSON chunks), then {@code data: [DONE]}. */
        public static Response stream(String... events) {
            return new Response(200, "", Duration.ZERO, List.of(events), false, Map.of());
        }

        /** A reply that never comes: the stub waits until the client gives up (its timeout) or the stub is released. */
        public static Response hang() {
            return new Response(200, "", Duration.ZERO, null, true, Map.of());
        }

        /** The same reply, sent only after the delay (to exceed a client's timeout). */
        public Response delayed(Duration by) {
            return new Response(status, body, by, events, hold, headers);
        }

        /** A stream that sends its events and then stays open (see {@link OpenAiStub#disconnects()}). */
        public Response held() {
            return new Response(status, body, delay, events, true, headers);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, body, delay, events, hold, Map.copyOf(more));
        }
    }

    /** A request as received; {@link #json()} is null when the body is not JSON. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private java.util.function.Function<RecordedRequest, Response> responder;
    private final java.util.concurrent.Semaphore disconnects = new java.util.concurrent.Semaphore(0);
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

    private OpenAiStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static OpenAiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads, so that a delayed reply does not hold up the next request.
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "openai-stub");
                t.setDaemon(true);
                return t;
            });
            OpenAiStub stub = new OpenAiStub(server, executor);
            server.createContext("/", stub::handle);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub server", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/v1}: what an OpenAI client takes as base URL. */
    public String baseUrl() {
        return root() + "/v1";
    }

    /** {@code http://127.0.0.1:<port>}: what an Ollama client takes as base URL. */
    public String root() {
        return "http://127.0.0.1:" + port();
    }

    public synchronized OpenAiStub enqueue(Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every request that the script does not (null: none). The function may block; it runs outside the stub's lock. */
    public synchronized OpenAiStub answerWith(java.util.function.Function<RecordedRequest, Response> responder) {
        this.responder = responder;
        return this;
    }

    /** Serves these bytes on {@code GET path} (e.g. an image for remote-media tests), outside the script. */
    public OpenAiStub serve(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** Forgets the script, the responder and the recorded requests, and lets every held reply go (each test starts clean). */
    public synchronized OpenAiStub reset() {
        script.clear();
        responder = null;
        requests.clear();
        release();
        return this;
    }

    /** Ends every held stream and hanging reply now. */
    public void release() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
        CountDownLatch gate = firstEventGate;
        firstEventGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    private volatile CountDownLatch firstEventGate;

    /** The next stream sends its head, then holds its first event until the returned latch opens (or a reset). */
    public CountDownLatch gateFirstEvent() {
        CountDownLatch gate = new CountDownLatch(1);
        firstEventGate = gate;
        return gate;
    }

    /**
     * Counts held streams whose client went away (the stub notices on its next keep-alive write); acquire a permit to
     * wait for one: {@code stub.disconnects().tryAcquire(10, SECONDS)}.
     */
    public java.util.concurrent.Semaphore disconnects() {
        return disconnects;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized RecordedRequest lastRequest() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    /** An OpenAI {@code chat.completion} body whose single choice says {@code content}. */
    public static String chatCompletion(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "stub-model");
        ArrayNode choices = body.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /** An Ollama {@code /api/chat} (non-streaming) body whose message says {@code content}. */
    public static String ollamaChat(String content, int promptEvalCount, int evalCount) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", "stub-model").put("created_at", "2026-11-23T10:00:00.000000Z");
        body.putObject("message").put("role", "assistant").put("content", content);
        body.put("done", true).put("done_reason", "stop").put("total_duration", 1_000_000L)
                .put("prompt_eval_count", promptEvalCount).put("eval_count", evalCount);
        return body.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] file = "GET".equals(exchange.getRequestMethod()) ? files.get(exchange.getRequestURI().getPath()) : null;
        if (file != null) {
            try (exchange) {
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
            }
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        Response response;
        RecordedRequest recorded = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, json(body));
        java.util.function.Function<RecordedRequest, Response> answer;
        synchronized (this) {
            requests.add(recorded);
            response = script.poll();
            answer = responder;
        }
        if (response == null) {
            response = answer == null ? Response.error(500, "stub: no scripted response left") : answer.apply(recorded);
        }
        CountDownLatch released = release;
        try (exchange) {
            if (!response.delay().isZero()) {
                Thread.sleep(response.delay().toMillis());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (response.events() != null) {
                stream(exchange, response, released);
                return;
            }
            if (response.hold()) {
                // Bounded, so that a forgotten hang cannot outlive the test run.
                released.await(60, java.util.concurrent.TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout): nothing to answer any more.
        }
    }

    private void stream(HttpExchange exchange, Response response, CountDownLatch released) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream out = exchange.getResponseBody();
        CountDownLatch gate = firstEventGate;
        firstEventGate = null;
        if (gate != null) {
            out.flush();
            gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        for (String event : response.events()) {
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (!response.hold()) {
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
            return;
        }
        // Held open: a comment line now and then finds out when the client has gone (the write fails).
        try {
            while (!released.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                out.write(": still generating\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException gone) {
            disconnects.release();
        }
    }

    /** One {@code chat.completion.chunk} whose delta says {@code content} (null: the role-only first chunk). */
    public static String chunk(String content) {
        ObjectNode chunk = chunkHead();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content == null) {
            delta.put("role", "assistant").put("content", "");
        } else {
            delta.put("content", content);
        }
        choice.putNull("logprobs").putNull("finish_reason");
        return chunk.toString();
    }

    /** The last choice chunk: an empty delta and the finish reason. */
    public static String finishChunk(String reason) {
        ObjectNode chunk = chunkHead();
        chunk.putArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode())
                .putNull("logprobs").put("finish_reason", reason);
        return chunk.toString();
    }

    /** The usage chunk of {@code stream_options.include_usage}: no choices, only usage. */
    public static String usageChunk(int promptTokens, int completionTokens) {
        ObjectNode chunk = chunkHead();
        chunk.putArray("choices");
        chunk.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return chunk.toString();
    }

    /** A completion whose single choice calls one function tool. */
    public static String toolCallCompletion(String id, String function, String arguments, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "stub-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.putNull("content");
        message.putNull("refusal");
        message.putArray("tool_calls").addObject().put("id", id).put("type", "function")
                .putObject("function").put("name", function).put("arguments", arguments);
        choice.putNull("logprobs").put("finish_reason", "tool_calls");
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /** A stream chunk with a tool-call delta: the first of a call carries id and name, later ones argument pieces. */
    public static String toolCallChunk(String id, String function, String argumentsPiece) {
        ObjectNode chunk = chunkHead();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode call = choice.putObject("delta").putArray("tool_calls").addObject().put("index", 0);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode fn = call.putObject("function");
        if (function != null) {
            fn.put("name", function);
        }
        fn.put("arguments", argumentsPiece);
        choice.putNull("logprobs").putNull("finish_reason");
        return chunk.toString();
    }

    private static ObjectNode chunkHead() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-stub").put("object", "chat.completion.chunk").put("created", 1_700_000_000L).put("model", "stub-model");
        return chunk;
    }

    private static JsonNode json(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
