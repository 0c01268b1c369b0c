package io.affectra.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.eval.metrics.CaseResult;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation persistence that must hold on every database Affectra supports (one subclass per database): a run on
 * the offline backend is stored case by case with its long text columns, metrics and resume bookkeeping.
 */
abstract class EvaluationStoreContract {

    @Inject
    EvaluationRunner runner;

    @Inject
    EvaluationStore store;

    @Inject
    AgroalDataSource dataSource;

    abstract String expectedDatabase();

    @Test
    void runsOnTheExpectedDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).containsIgnoringCase(expectedDatabase());
        }
    }

    @Test
    void storesARunCaseByCaseAndItsMetrics() {
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"local\",\"strategies\":[\"direct\",\"pep-mek\"],"
                + "\"limit\":4,\"explain\":true,\"concurrency\":2}");
        JsonPath run = Evaluations.finish(runner, id);

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(store.countCases(id)).isEqualTo(16);
        List<CaseResult> pepMek = store.results(id).get("pep-mek");
        assertThat(pepMek).hasSize(8);
        // Long JSON (steps with their prompts) and raw replies survive the round trip.
        CaseResult first = pepMek.get(0);
        assertThat(first.detail().length()).isGreaterThan(4000);
        assertThat(first.detail()).contains("\"steps\"").contains("\"knowledge\"").contains("Offline baseline (not an LLM)");
        assertThat(first.rawReply()).contains("\"answer\"");
        assertThat(first.calls()).isEqualTo(3);
        // The stored metrics are what the API shows.
        EvaluationRecord record = store.find(id).orElseThrow();
        assertThat(record.metricsJson).contains("\"basicAccuracy\"").contains("\"comparisons\"");
        assertThat(record.completedAt).isNotNull();
        assertThat(run.getInt("metrics.'pep-mek'.pairs")).isEqualTo(4);
        assertThat(run.getInt("comparison[0].units")).isEqualTo(4);
    }

    @Test
    void reopeningARunForgetsOnlyItsFailedCases() {
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"local\",\"limit\":2}");
        Evaluations.finish(runner, id);
        CaseResult ok = store.results(id).get("direct").get(0);
        store.finish(id, EvaluationStatus.FAILED, "simulated", null);
        store.saveCase(id, new CaseResult("pep", ok.key(), ok.seq(), ok.itemId(), ok.role(), null, null, ok.expected(), null, false,
                "backend down", null, null, null, 0, 0, 0, 0, null), "replica-a");

        assertThat(store.reopen(id)).isEqualTo(1);
        assertThat(store.countCases(id)).isEqualTo(4);
        assertThat(store.running()).contains(id);
        store.finish(id, EvaluationStatus.COMPLETED, null, null);
    }

    @Test
    void oneReplicaAtATimeClaimsARunsEnqueueingAndOneEndsIt() throws SQLException {
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"local\",\"limit\":2}");
        Evaluations.finish(runner, id);
        store.reopen(id); // running again, its items not enqueued
        java.time.Instant now = java.time.Instant.now();

        assertThat(store.claimDispatch(id, "replica-a", now, now.plusSeconds(30))).isTrue();
        assertThat(store.claimDispatch(id, "replica-b", now, now.plusSeconds(30))).as("held by replica-a").isFalse();
        assertThat(store.claimDispatch(id, "replica-a", now, now.plusSeconds(30))).as("its own claim, again").isTrue();
        assertThat(store.undispatched()).contains(id);
        assertThat(store.claimDispatch(id, "replica-b", now.plusSeconds(31), now.plusSeconds(61))).as("after the lease ran out").isTrue();
        store.dispatched(id, "replica-b", 4);
        assertThat(store.undispatched()).doesNotContain(id);
        assertThat(store.claimDispatch(id, "replica-a", now.plusSeconds(120), now.plusSeconds(150))).as("enqueued already").isFalse();
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("select replica, items from run_dispatch where run_id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getInt(2)).isEqualTo("replica-b 4");
                assertThat(rs.next()).isFalse();
            }
        }

        EvaluationStore.Counts counts = store.counts(id);
        assertThat(counts.done()).isEqualTo(4);
        assertThat(counts.byArm()).containsEntry("direct", 4);
        assertThat(store.finishIfRunning(id, EvaluationStatus.COMPLETED, null, "{}")).isTrue();
        assertThat(store.finishIfRunning(id, EvaluationStatus.COMPLETED, null, "{}")).as("ended already").isFalse();
        assertThat(store.find(id).orElseThrow().status).isEqualTo("completed");
    }

    @Test
    void aTrialIsStoredOncePerArmCaseAndRepeatWithWhatItRan() {
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"local\",\"limit\":1}");
        Evaluations.finish(runner, id);
        CaseResult ok = store.results(id).get("direct").get(0);
        String sha = "ab".repeat(32);
        CaseResult second = ok.withTrial(new CaseResult.Trial(1, true, sha));

        store.saveCase(id, second, "replica-a"); // another repeat of the same case: a row of its own
        assertThatThrownBy(() -> store.saveCase(id, second, "replica-a")).isInstanceOf(RuntimeException.class); // the same repeat again: refused
        assertThat(store.countCase(id, "direct", ok.key(), 1)).isEqualTo(1);
        assertThat(store.doneKeys(id)).contains(EvaluationStore.doneKey("direct", ok.key(), 0), EvaluationStore.doneKey("direct", ok.key(), 1));
        CaseResult read = store.caseTrials(id, ok.key()).stream().filter(t -> t.trial().repeat() == 1).findFirst().orElseThrow();
        assertThat(read.trial()).isEqualTo(new CaseResult.Trial(1, true, sha));
        store.addCueCache(id, 3, 2);
        store.addCueCache(id, 4, 0);
        EvaluationRecord record = store.find(id).orElseThrow();
        assertThat(record.cueCacheHits).isEqualTo(7);
        assertThat(record.cueCacheMisses).isEqualTo(2);
        assertThat(store.find(id, "experiment")).isEmpty();
        assertThat(store.list("evaluation", 500)).extracting(r -> r.id).contains(id);
    }
}
