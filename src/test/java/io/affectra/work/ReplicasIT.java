package io.affectra.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.affectra.testing.LocalRabbitmq;
import io.affectra.testing.OpenAiStub;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas as they are deployed: processes started from the built PostgreSQL application, sharing this machine's
 * PostgreSQL (a schema of their own) and RabbitMQ (queues of their own), answering through an OpenAI-compatible stub on
 * loopback that takes 20 ms a reply. An evaluation submitted to one replica is worked on by all three; one is killed
 * with SIGKILL and the broker cuts every connection mid-run, and the run still completes with every case exactly once.
 * A replica that accepted a run and died before its items were on the queue leaves it to the others: two that start
 * together enqueue it once.
 */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "affectra_replicas";
    private static final String PREFIX = "affectra-it-" + ProcessHandle.current().pid();
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/" + System.getenv().getOrDefault("AFFECTRA_PG_DATABASE", "test");
    private static final String PG_USER = System.getenv().getOrDefault("AFFECTRA_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("AFFECTRA_PG_PASSWORD", "");
    private static final List<String> LABELS = List.of("happiness", "sadness", "anger", "neutral");
    private static final Duration UP = Duration.ofMinutes(3);

    private static OpenAiStub stub;
    private static Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheStub() throws Exception {
        assertThat(ReplicaProcess.APP).as("the pg application, built by `verify` before the integration tests").exists();
        dir = Files.createDirectories(Path.of("target/replicas-it"));
        String answer = "{\"label\": \"happiness\", \"confidence\": 0.7, \"reasoning\": \"The words sound glad.\", \"cueIds\": []}";
        stub = OpenAiStub.start().answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(answer, 60, 20)).delayed(Duration.ofMillis(20)));
    }

    @BeforeEach
    void emptySchema() throws Exception {
        try (var c = DriverManager.getConnection(PG, PG_USER, PG_PASSWORD); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (stub != null) {
            stub.close();
        }
        LocalRabbitmq.deleteTopology(PREFIX);
    }

    @Test
    void threeReplicasAnswerEveryCaseOnceThroughAKillAndACutBrokerConnection() throws Exception {
        int cases = 900;
        try (ReplicaProcess r1 = replica("r1", Map.of()); ReplicaProcess r2 = replica("r2", Map.of()); ReplicaProcess r3 = replica("r3", Map.of())) {
            for (ReplicaProcess r : List.of(r1, r2, r3)) {
                r.awaitUp(true, UP);
            }
            String id = submit(r1, cases);

            boolean[] killed = {false};
            boolean[] cut = {false};
            List<String> events = follow(r3, id, done -> {
                try {
                    if (!killed[0] && done >= 150) {
                        killed[0] = true;
                        r2.kill9();
                    } else if (killed[0] && !cut[0] && done >= 400) {
                        cut[0] = true;
                        closeAllBrokerConnections();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(killed[0]).as("r2 was killed mid-run").isTrue();
            assertThat(cut[0]).as("the broker connections were cut mid-run").isTrue();
            assertThat(events).last().isEqualTo("completed");
            JsonNode run = get(r3, "/v1/evaluations/" + id);
            assertThat(run.path("status").asText()).isEqualTo("completed");
            assertThat(run.path("progress").path("done").asInt()).isEqualTo(cases);
            assertThat(run.path("metrics").size()).as("metrics of the completed run").isPositive();

            assertThat(scalar("select count(*) from evaluation_case where evaluation_id = ?", id)).isEqualTo(cases);
            assertThat(scalar("select count(distinct case_key) from evaluation_case where evaluation_id = ?", id)).isEqualTo(cases);
            assertThat(scalar("select count(*) from evaluation_case where evaluation_id = ? and error is not null", id)).isZero();
            Map<String, Long> byReplica = grouped("select replica, count(*) from evaluation_case where evaluation_id = ? group by replica", id);
            assertThat(byReplica.keySet()).as("rows by replica: %s", byReplica).containsExactlyInAnyOrder("r1", "r2", "r3");
            assertThat(grouped("select replica, items from run_dispatch where run_id = ?", id)).containsExactly(Map.entry("r1", (long) cases));
            assertThat(r1.logText()).contains("connection to RabbitMQ lost").contains("reconnected to RabbitMQ");
        }
    }

    @Test
    void twoReplicasStartingTogetherEnqueueTheRunOfACrashedOneOnce() throws Exception {
        int cases = 300;
        String id;
        // r4 accepts the run but cannot reach the broker (nothing listens on its port), then dies.
        try (ReplicaProcess r4 = replica("r4", Map.of("affectra.work.rabbitmq.port", "1", "affectra.work.dispatch-lease", "1s"))) {
            r4.awaitUp(false, UP);
            id = submit(r4, cases);
            assertThat(grouped("select dispatch_owner, count(*) from evaluation where id = ? and dispatched_at is null group by dispatch_owner", id))
                    .containsExactly(Map.entry("r4", 1L));
            r4.kill9();
        }
        try (ReplicaProcess r5 = replica("r5", Map.of()); ReplicaProcess r6 = replica("r6", Map.of())) {
            r5.awaitUp(true, UP);
            r6.awaitUp(true, UP);

            List<String> events = follow(r5, id, done -> {
            });

            assertThat(events).last().isEqualTo("completed");
            Map<String, Long> dispatches = grouped("select replica, items from run_dispatch where run_id = ?", id);
            assertThat(dispatches).as("enqueued once, by r5 or r6: %s", dispatches).hasSize(1).containsValue((long) cases);
            assertThat(dispatches.keySet()).containsAnyOf("r5", "r6");
            assertThat(scalar("select count(*) from evaluation_case where evaluation_id = ?", id)).isEqualTo(cases);
            assertThat(scalar("select count(distinct case_key) from evaluation_case where evaluation_id = ?", id)).isEqualTo(cases);
        }
    }

    private ReplicaProcess replica(String name, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", PG + "?currentSchema=" + SCHEMA);
        settings.put("quarkus.datasource.username", PG_USER);
        settings.put("quarkus.datasource.password", PG_PASSWORD);
        settings.put("quarkus.flyway.schemas", SCHEMA);
        settings.put("affectra.work.transport", "rabbitmq");
        settings.put("affectra.work.workers", "3");
        settings.put("affectra.work.rabbitmq.prefix", PREFIX);
        settings.put("affectra.work.rabbitmq.reconnect-interval", "200ms");
        settings.put("affectra.backends.stub.kind", "openai");
        settings.put("affectra.backends.stub.base-url", stub.baseUrl());
        settings.put("affectra.backends.stub.model", "stub-model");
        settings.put("affectra.backends.stub.timeout", "30s");
        settings.put("affectra.eval.retry-backoff", "50ms");
        settings.putAll(extra);
        return ReplicaProcess.start(name, dir, settings);
    }

    /** A text-only label evaluation of {@code cases} numbered sentences, strategy direct, on the stub. */
    private String submit(ReplicaProcess r, int cases) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            jsonl.append(JSON.writeValueAsString(Map.of("id", "t" + i, "text", "(" + i + ") I could not stop smiling all day.",
                    "label", LABELS.get(i % LABELS.size())))).append('\n');
        }
        String options = "{\"format\":\"label\",\"backend\":\"stub\",\"strategies\":[\"direct\"],\"name\":\"replicas\"}";
        String boundary = "----affectra-it";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\nContent-Type: application/json\r\n\r\n" + options
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"; filename=\"replicas.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(r.url() + "/v1/evaluations"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** Reads the run's SSE stream on one replica until it ends; {@code onProgress} hears each progress event's done count. */
    private List<String> follow(ReplicaProcess r, String id, IntConsumer onProgress) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.url() + "/v1/evaluations/" + id + "/events")).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(4)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                    names.add(event);
                } else if (line.startsWith("data:") && "progress".equals(event)) {
                    onProgress.accept(JSON.readTree(line.substring(5)).path("done").asInt());
                }
            }
        }
        return names;
    }

    private JsonNode get(ReplicaProcess r, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(r.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void closeAllBrokerConnections() throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", "close_all_connections", "--global", "replicas test: connection cut mid-run")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static long scalar(String sql, String id) throws Exception {
        try (var c = DriverManager.getConnection(PG + "?currentSchema=" + SCHEMA, PG_USER, PG_PASSWORD); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Long> grouped(String sql, String id) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (var c = DriverManager.getConnection(PG + "?currentSchema=" + SCHEMA, PG_USER, PG_PASSWORD); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
