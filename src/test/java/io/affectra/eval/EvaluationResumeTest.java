package io.affectra.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.eval.metrics.CaseResult;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run stopped mid-way, as a crash stops it, and resumed the way a restart resumes it: every case ends up counted
 * exactly once and no finished case is asked again.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = true)
class EvaluationResumeTest {

    private static final int ANSWERED_BEFORE_THE_CRASH = 7;
    private static final int IN_FLIGHT = 2;

    OpenAiStub stub;

    @Inject
    EvaluationRunner runner;

    @Inject
    EvaluationStore store;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void cleanUp() {
        release.countDown();
        stub.reset();
    }

    @Test
    void aRunHaltedMidWayResumesWithEveryCaseCountedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch blocked = new CountDownLatch(IN_FLIGHT);
        // Answers the first k calls, then hangs (a backend that stops answering while the process dies).
        stub.answerWith(r -> {
            if (calls.incrementAndGet() > ANSWERED_BEFORE_THE_CRASH) {
                blocked.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("sure"), 10, 2));
        });
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"limit\":10,\"concurrency\":" + IN_FLIGHT + "}");
        assertThat(blocked.await(2, TimeUnit.MINUTES)).as("both workers hang on the backend").isTrue();

        runner.halt(id);

        // As after a crash: still running, the finished cases stored, the two in flight lost.
        assertThat(runner.executing(id)).isFalse();
        assertThat(store.find(id).orElseThrow().status).isEqualTo("running");
        assertThat(store.countCases(id)).isEqualTo(ANSWERED_BEFORE_THE_CRASH);
        given().when().get("/v1/evaluations/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("running"))
                .body("progress.done", org.hamcrest.Matchers.equalTo(ANSWERED_BEFORE_THE_CRASH))
                .body("partial", org.hamcrest.Matchers.equalTo(true));

        // The backend is back; the hung calls of the dead run get their answers too late to count.
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("sure"), 10, 2)));
        int before = stub.requests().size();
        release.countDown();

        assertThat(runner.resumeRunning()).contains(id); // what startup does
        JsonPath run = Evaluations.finish(runner, id);

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("progress.done")).isEqualTo(20);
        assertThat(run.getInt("metrics.pairs")).isEqualTo(10);
        assertThat(run.getDouble("metrics.basicAccuracy")).isEqualTo(1.0);
        assertThat(run.getDouble("metrics.hallucinatedAccuracy")).isEqualTo(0.0);
        // Only the unfinished cases were asked again.
        assertThat(stub.requests().size() - before).isEqualTo(20 - ANSWERED_BEFORE_THE_CRASH);
        // Every case exactly once.
        assertThat(store.countCases(id)).isEqualTo(20);
        Map<String, Long> perKey = store.results(id).get("direct").stream()
                .collect(Collectors.groupingBy(CaseResult::key, Collectors.counting()));
        assertThat(perKey).hasSize(20).allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void aSecondRowForAFinishedCaseIsRefused() {
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.no("no"), 1, 1)));
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"limit\":1}");
        Evaluations.finish(runner, id);
        CaseResult first = store.results(id).get("direct").get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.saveCase(id, first, "replica-a")).isInstanceOf(RuntimeException.class);
        assertThat(store.countCases(id)).isEqualTo(2);
    }

    @Test
    void aRunWhoseBackendStaysDownFailsAndResumesLater() {
        stub.answerWith(r -> OpenAiStub.Response.error(503, "overloaded"));
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"limit\":20,\"concurrency\":1}");
        JsonPath failed = Evaluations.finish(runner, id);

        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("in a row failed").contains("stub");
        assertThat(failed.getInt("progress.errors")).isEqualTo(10);

        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("back"), 1, 1)));
        given().when().post("/v1/evaluations/" + id + "/resume").then().statusCode(202);
        JsonPath done = Evaluations.finish(runner, id);

        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getInt("metrics.errors")).isZero();
        assertThat(done.getInt("metrics.pairs")).isEqualTo(20);
        List<CaseResult> all = store.results(id).get("direct");
        assertThat(all).hasSize(40).allSatisfy(c -> assertThat(c.error()).isNull());
    }
}
