package io.affectra.work;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Affectra replica: the built PostgreSQL application ({@code target/quarkus-app-pg}) started as its own process
 * with the given settings, its output kept in a log file. Waiting for it to be up, or connected to the broker, reads
 * its output as it comes (no polling).
 */
final class ReplicaProcess implements AutoCloseable {

    static final Path APP = Path.of("target/quarkus-app-pg/quarkus-run.jar");

    final String name;
    final int port;
    private final Process process;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Path log;

    private ReplicaProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon(true).name("replica-" + name + "-out").start(this::pump);
    }

    static ReplicaProcess start(String name, Path dir, Map<String, String> settings) {
        try {
            int port = freePort();
            Path data = Files.createDirectories(dir.resolve(name));
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m",
                    "-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true", "-Dquarkus.profile=pg", "-Dquarkus.http.port=" + port,
                    "-Daffectra.data-dir=" + data.toAbsolutePath(), "-Daffectra.work.replica-id=" + name));
            settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", APP.toAbsolutePath().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ReplicaProcess(name, port, process, dir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line; (line = out.readLine()) != null;) {
                file.println(line);
                if (line.contains("Listening on:")) {
                    listening.complete(null);
                }
                if (line.contains("work queue: connected to RabbitMQ")) {
                    connected.complete(null);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        IllegalStateException ended = new IllegalStateException("replica " + name + " ended; see " + log);
        listening.completeExceptionally(ended);
        connected.completeExceptionally(ended);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until it serves HTTP and, when {@code broker}, is connected to RabbitMQ. */
    ReplicaProcess awaitUp(boolean broker, Duration timeout) throws Exception {
        listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (broker) {
            connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** As a crash would: SIGKILL, no shutdown hooks, its unacknowledged items still with the broker. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
