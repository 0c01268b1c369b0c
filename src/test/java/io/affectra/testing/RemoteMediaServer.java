package io.affectra.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A media server on loopback behind {@code affectra.chat.remote-media.allow = http://127.0.0.1:<port>/allowed/} (with a
 * 500 ms download deadline). It resolves paths the way many servers do (percent-decoded, dot segments removed), so a
 * URL that slips past the allow-list reaches {@code /secret/}. {@code /allowed/slow.jpg} sends its headers at once and
 * then one byte every 50 ms (200 bytes: 10 s): no read ever waits long, only the whole download does.
 */
public class RemoteMediaServer implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "/secret/s.jpg";

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        server.createContext("/", this::handle);
        server.start();
        return Map.of("affectra.chat.remote-media.allow", root() + "/allowed/",
                "affectra.chat.remote-media.timeout", "500ms");
    }

    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The paths asked for, exactly as they came on the request line (not resolved). */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    public void reset() {
        requested.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requested.add(exchange.getRequestURI().getRawPath());
        String path = URI.create(URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8)).normalize().getPath();
        try (exchange) {
            switch (path) {
                case "/allowed/s.jpg" -> send(exchange, TestMedia.bytes("sample1.jpg"));
                case SECRET -> send(exchange, TestMedia.bytes("sample2.jpg"));
                case "/allowed/slow.jpg" -> trickle(exchange, java.util.Arrays.copyOf(TestMedia.bytes("sample1.jpg"), 200));
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void trickle(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        try {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(50); // the slow peer's pace, not a wait of the test
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up: what the test expects.
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(RemoteMediaServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
