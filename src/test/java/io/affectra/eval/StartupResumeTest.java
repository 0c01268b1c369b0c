package io.affectra.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.eval.metrics.CaseResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A restart: the run left 'running' by a crash (two of its six cases done) is resumed by the startup itself. */
@QuarkusTest
@TestProfile(StartupResumeProfile.class)
class StartupResumeTest {

    @Inject
    EvaluationRunner runner;

    @Inject
    EvaluationStore store;

    @Test
    void theInterruptedRunFinishesWithEveryCaseOnceAndTheFinishedOnesUntouched() {
        JsonPath run = Evaluations.finish(runner, StartupResumeProfile.RUN);

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("metrics.pairs")).isEqualTo(3);
        List<CaseResult> cases = store.results(StartupResumeProfile.RUN).get("direct");
        assertThat(cases).hasSize(6);
        Map<String, Long> perKey = cases.stream().collect(Collectors.groupingBy(CaseResult::key, Collectors.counting()));
        assertThat(perKey).hasSize(6).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        // The two cases finished before the crash were not asked again.
        assertThat(cases).filteredOn(c -> "seeded before the crash".equals(c.rawReply())).hasSize(2);
        assertThat(cases).filteredOn(c -> c.rawReply().contains("Offline baseline (not an LLM)")).hasSize(4);
    }
}
