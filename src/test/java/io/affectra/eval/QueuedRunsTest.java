package io.affectra.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.affectra.job.JobService;
import io.affectra.job.JobStore;
import io.affectra.testing.LocalRabbitmq;
import io.affectra.work.Broker;
import io.affectra.work.WorkItem;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A replica in {@code rabbitmq} mode against the real broker and PostgreSQL: a run's trials go through the work queue
 * and come back as rows stamped with the replica, enqueued once; an item that fails on every delivery is dead-lettered
 * by the broker's delivery limit and its run ends instead of waiting for ever; the jobs of a replica that is gone from
 * the broker fail as interrupted, those of live replicas do not.
 */
@QuarkusTest
@TestProfile(RabbitmqProfile.class)
class QueuedRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EvaluationStore store;

    @Inject
    Broker broker;

    @Inject
    JobStore jobStore;

    @Inject
    JobService jobs;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void deleteTheTestQueues() throws Exception {
        LocalRabbitmq.deleteTopology(RabbitmqProfile.PREFIX);
    }

    @Test
    void aRunsTrialsGoThroughTheQueueAndEachIsStoredOnceWithItsReplica() throws Exception {
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"local\",\"strategies\":[\"direct\",\"pep-mek\"],\"limit\":6}");

        List<String> events = untilTheEnd("evaluations", id);

        assertThat(events).last().isEqualTo("completed");
        assertThat(events).contains("progress");
        JsonPath run = given().when().get("/v1/evaluations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("progress.done")).isEqualTo(24);
        assertThat(run.getInt("metrics.direct.pairs")).isEqualTo(6);
        assertThat(store.countCases(id)).isEqualTo(24);
        assertThat(rows("select replica, count(*) from evaluation_case where evaluation_id = ? group by replica", id))
                .containsExactly(RabbitmqProfile.REPLICA + " 24");
        assertThat(rows("select replica, items from run_dispatch where run_id = ?", id)).containsExactly(RabbitmqProfile.REPLICA + " 24");
    }

    @Test
    void anExperimentsTrialsGoThroughTheQueueOverEvidenceReadOnce() throws Exception {
        String spec = """
                name: queued
                format: label
                mediaDir: src/test/resources/media
                labels: [happiness, neutral, sadness, anger]
                backends: [local]
                strategies: [direct]
                ablations: [-face]
                """;
        String photos = """
                {"id": "p1", "media": "sample1.jpg", "label": "happiness"}
                {"id": "p2", "media": "sample2.jpg", "label": "neutral"}
                {"id": "p3", "media": "sample3.jpg", "label": "happiness"}
                """;
        String id = given().multiPart("spec", spec, "application/yaml")
                .multiPart("dataset", "photos.jsonl", photos.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202).extract().path("id");

        List<String> events = untilTheEnd("experiments", id);

        assertThat(events).last().isEqualTo("completed");
        JsonPath experiment = given().when().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(experiment.getString("status")).isEqualTo("completed");
        assertThat(experiment.getList("cells")).hasSize(2);
        assertThat(rows("select replica, count(*) from evaluation_case where evaluation_id = ? group by replica", id))
                .containsExactly(RabbitmqProfile.REPLICA + " 6");
        // Both cells answer each photo: its evidence is read once and found once, counted by the replica that did it.
        assertThat(experiment.getLong("cueCache.hits") + experiment.getLong("cueCache.misses")).isEqualTo(6);
        assertThat(experiment.getLong("cueCache.misses")).isEqualTo(3);
    }

    @Test
    void anItemThatFailsOnEveryDeliveryIsDeadLetteredAndItsRunEnds() throws Exception {
        // A running run whose plan cannot be rebuilt (its backend is not configured on this replica): every delivery of
        // its item fails, the broker dead-letters it at the delivery limit, and the dead letter ends the run.
        String id = UUID.randomUUID().toString();
        EvaluationRecord record = new EvaluationRecord();
        record.id = id;
        record.createdAt = Instant.now();
        record.updatedAt = record.createdAt;
        record.status = EvaluationStatus.RUNNING.id();
        record.format = "pair";
        record.datasetName = "poison";
        record.datasetSha256 = "0".repeat(64);
        record.datasetJsonl = "{\"id\":\"p1\",\"basic\":{\"question\":\"Is joy an emotion?\",\"answer\":\"yes\"},"
                + "\"hallucination\":{\"question\":\"Is a chair an emotion?\",\"answer\":\"no\"}}\n";
        record.optionsJson = "{\"format\":\"pair\",\"backend\":\"gone\",\"strategies\":[\"direct\"]}";
        record.totalCases = 2;
        record.dispatchedAt = Instant.now(); // enqueued by a replica that had the backend
        store.create(record);
        long deadBefore = counter("affectra_work_dead_lettered_total");

        try (Connection c = LocalRabbitmq.factory().newConnection(); Channel ch = c.createChannel()) {
            ch.basicPublish("", broker.workQueue(), MessageProperties.PERSISTENT_BASIC, JSON.writeValueAsBytes(new WorkItem(id, "direct", "p1#basic", 0)));
        }
        List<String> events = untilTheEnd("evaluations", id);

        assertThat(events).last().isEqualTo("failed");
        EvaluationRecord failed = store.find(id).orElseThrow();
        assertThat(failed.status).isEqualTo("failed");
        assertThat(failed.error).startsWith("cannot be run any more").contains("gone");
        assertThat(counter("affectra_work_dead_lettered_total")).isEqualTo(deadBefore + 1);
        assertThat(broker.depth(broker.deadLetterQueue())).isZero();
    }

    @Test
    void jobsOfAReplicaThatIsGoneFailAsInterruptedAndThoseOfLiveReplicasRunOn() throws Exception {
        String mine = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        jobStore.create(mine, "video/mp4", RabbitmqProfile.REPLICA);
        jobStore.create(gone, "video/mp4", "replica-gone");
        jobStore.running(gone);
        jobStore.create(other, "video/mp4", "replica-other");
        try (Connection c = LocalRabbitmq.factory().newConnection(); Channel ch = c.createChannel()) {
            // replica-other is connected: it holds its exclusive presence queue on a connection of its own.
            ch.queueDeclare(RabbitmqProfile.PREFIX + ".events.replica-other", false, true, true, null);
            assertThat(broker.alive(RabbitmqProfile.REPLICA)).contains(true);
            assertThat(broker.alive("replica-other")).contains(true);
            assertThat(broker.alive("replica-gone")).contains(false);

            jobs.failJobsOfGoneReplicas();

            assertThat(jobStore.find(gone).orElseThrow().status).isEqualTo("FAILED");
            assertThat(jobStore.find(gone).orElseThrow().errorType).isEqualTo("interrupted");
            assertThat(jobStore.find(other).orElseThrow().status).isEqualTo("QUEUED");
            assertThat(jobStore.find(mine).orElseThrow().status).isEqualTo("QUEUED");
        } finally {
            jobStore.failed(mine, "test", "done with");
            jobStore.failed(other, "test", "done with");
        }
    }

    /** The run's SSE event names, read until the stream ends (it ends with the run). */
    private List<String> untilTheEnd(String kind, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "v1/" + kind + "/" + id + "/events")).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (line.startsWith("event:")) {
                    names.add(line.substring(6).trim());
                }
            }
        }
        return names;
    }

    private List<String> rows(String sql, String id) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static long counter(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
