package io.affectra.testing;

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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speech-to-text server stand-in speaking the OpenAI transcription API over real HTTP on 127.0.0.1 (ephemeral port):
 * {@code POST /v1/audio/transcriptions} with a multipart body, which it parses and records part by part (the audio
 * file's bytes included), answering from a script of replies, then from {@link #answerWith}, then with a 500.
 *
 * <pre>
 * stub.enqueue(TranscriptionStub.Reply.ok(TranscriptionStub.verboseJson(new Segment(0.5, 5.6, "We won."))));
 * ... analyse a clip with a backend whose base URL is stub.baseUrl() ...
 * assertThat(TranscriptionStub.Wav.read(stub.lastRequest().file().bytes()).sampleRate()).isEqualTo(16000);
 * </pre>
 */
public final class TranscriptionStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /** A scripted reply; {@code hangs}: none comes until the client gives up or the stub is reset. */
    public record Reply(int status, String body, boolean hangs) {

        public static Reply ok(String body) {
            return new Reply(200, body, false);
        }

        /** An OpenAI-shaped error. */
        public static Reply error(int status, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("message", message).put("type", "server_error");
            return new Reply(status, error.toString(), false);
        }

        public static Reply hang() {
            return new Reply(200, "", true);
        }
    }

    /** One segment of a verbose_json reply, times in seconds. */
    public record Segment(double start, double end, String text) {
    }

    /** One multipart part as received. */
    public record Part(String name, String filename, String contentType, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A request as received: its parts by name (in order). */
    public record Upload(String method, String path, Map<String, String> headers, String contentType, Map<String, Part> parts) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }

        public String field(String name) {
            Part p = parts.get(name);
            return p == null ? null : p.text();
        }

        public Part file() {
            return parts.get("file");
        }
    }

    /** A WAV file's format and length, read from its RIFF chunks. */
    public record Wav(int format, int channels, int sampleRate, int bitsPerSample, long dataBytes, boolean sizesMatch) {

        public double seconds() {
            return dataBytes / (double) (sampleRate * channels * bitsPerSample / 8);
        }

        public static Wav read(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.length < 12 || !ascii(bytes, 0, "RIFF") || !ascii(bytes, 8, "WAVE")) {
                throw new AssertionError("not a RIFF/WAVE file");
            }
            long riffSize = Integer.toUnsignedLong(b.getInt(4));
            int format = -1;
            int channels = -1;
            int rate = -1;
            int bits = -1;
            long data = -1;
            int at = 12;
            while (at + 8 <= bytes.length) {
                long size = Integer.toUnsignedLong(b.getInt(at + 4));
                if (ascii(bytes, at, "fmt ")) {
                    format = b.getShort(at + 8);
                    channels = b.getShort(at + 10);
                    rate = b.getInt(at + 12);
                    bits = b.getShort(at + 22);
                } else if (ascii(bytes, at, "data")) {
                    data = size;
                }
                at += 8 + (int) size + (int) (size & 1);
            }
            return new Wav(format, channels, rate, bits, data, riffSize == bytes.length - 8 && at == bytes.length);
        }

        private static boolean ascii(byte[] bytes, int at, String tag) {
            return at + 4 <= bytes.length && new String(bytes, at, 4, StandardCharsets.US_ASCII).equals(tag);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Upload> requests = new ArrayList<>();
    private java.util.function.Function<Upload, Reply> responder;
    private volatile CountDownLatch release = new CountDownLatch(1);

    private TranscriptionStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static TranscriptionStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "transcription-stub");
                t.setDaemon(true);
                return t;
            });
            TranscriptionStub stub = new TranscriptionStub(server, executor);
            server.createContext("/", stub::handle);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: a base URL without {@code /v1}, as whisper.cpp's server is named. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/v1}: a base URL as vLLM and OpenAI are named. */
    public String baseUrl() {
        return root() + "/v1";
    }

    public synchronized TranscriptionStub enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request the script does not. */
    public synchronized TranscriptionStub answerWith(java.util.function.Function<Upload, Reply> responder) {
        this.responder = responder;
        return this;
    }

    /** Forgets script, responder and requests, and lets every hanging reply go. */
    public synchronized TranscriptionStub reset() {
        script.clear();
        responder = null;
        requests.clear();
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
        return this;
    }

    public synchronized List<Upload> requests() {
        return List.copyOf(requests);
    }

    public synchronized Upload lastRequest() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    /** A verbose_json reply: {@code text} and {@code segments}, as OpenAI's, vLLM's and whisper.cpp's servers write it. */
    public static String verboseJson(Segment... segments) {
        ObjectNode body = JSON.createObjectNode();
        body.put("task", "transcribe").put("language", "english");
        body.put("duration", segments.length == 0 ? 0 : segments[segments.length - 1].end());
        body.put("text", String.join(" ", Arrays.stream(segments).map(Segment::text).toList()));
        ArrayNode list = body.putArray("segments");
        for (int i = 0; i < segments.length; i++) {
            list.addObject().put("id", i).put("seek", 0).put("start", segments[i].start()).put("end", segments[i].end())
                    .put("text", " " + segments[i].text()).put("avg_logprob", -0.2).put("no_speech_prob", 0.01);
        }
        return body.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Upload upload = new Upload(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, contentType,
                parts(contentType, body));
        Reply reply;
        java.util.function.Function<Upload, Reply> answer;
        synchronized (this) {
            requests.add(upload);
            reply = script.poll();
            answer = responder;
        }
        if (reply == null) {
            reply = answer == null ? Reply.error(500, "stub: no scripted reply left") : answer.apply(upload);
        }
        CountDownLatch released = release;
        try (exchange) {
            if (reply.hangs()) {
                // Bounded, so that a forgotten hang cannot outlive the test run.
                released.await(60, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (its timeout): nothing to answer any more.
        }
    }

    /** The parts of a {@code multipart/form-data} body; empty when it is not one. */
    static Map<String, Part> parts(String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !contentType.startsWith("multipart/form-data") || !m.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            int next = indexOf(body, ("\r\n--" + m.group(1)).getBytes(StandardCharsets.US_ASCII), headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new AssertionError("a multipart part without its end");
            }
            String head = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            String type = null;
            String name = null;
            String filename = null;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    Matcher n = NAME.matcher(line);
                    name = n.find() ? n.group(1) : null;
                    Matcher f = FILENAME.matcher(line);
                    filename = f.find() ? f.group(1) : null;
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            parts.put(name, new Part(name, filename, type, Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        if (from < 0) {
            return -1;
        }
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        reset();
        server.stop(0);
        executor.shutdownNow();
    }
}
