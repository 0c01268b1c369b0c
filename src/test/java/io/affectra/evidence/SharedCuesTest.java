package io.affectra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.cue.CueType;
import io.affectra.eval.CaseEvidence;
import io.affectra.testing.TestMedia;
import io.affectra.work.RedisConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' runs reading the same photo, with cues shared through this machine's Redis (127.0.0.1:6379): the
 * second finds the first's cues by the same evidence key, so its encoders do not run, and gets them exactly; a
 * de-identified read of the same photo has a key of its own and no face cue.
 */
@QuarkusTest
@TestProfile(SharedCuesTest.WithRedis.class)
class SharedCuesTest {

    public static class WithRedis implements QuarkusTestProfile {

        /** The same in the test's class loader and the application's: the process id. */
        static final String PREFIX = "affectra-test-cues-" + ProcessHandle.current().pid();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("affectra.work.redis.url", "redis://127.0.0.1:6379", "affectra.work.rabbitmq.prefix", PREFIX,
                    "affectra.work.redis.cue-ttl", "5m");
        }
    }

    @Inject
    CaseEvidence evidence;

    @Inject
    RedisConnection redis;

    @Test
    void aSecondReplicaFindsTheCuesTheFirstReadAndAnotherKeyIsReadAgain() {
        CaseEvidence.RunCache first = CaseEvidence.newCache();
        CaseEvidence.RunCache second = CaseEvidence.newCache();

        CaseEvidence.Evidence read = evidence.of(TestMedia.file("sample1.jpg"), null, true, first);
        CaseEvidence.Evidence found = evidence.of(TestMedia.file("sample1.jpg"), null, true, second);

        assertThat(first.misses()).isEqualTo(1);
        assertThat(second.misses()).as("the second replica's encoders did not run").isZero();
        assertThat(second.hits()).isEqualTo(1);
        assertThat(found.cues()).isEqualTo(read.cues());
        assertThat(found.faceCount()).isEqualTo(3);

        CaseEvidence.Evidence hidden = evidence.of(TestMedia.file("sample1.jpg"), null, true, true, second);
        assertThat(second.misses()).as("de-identified evidence has a key of its own").isEqualTo(1);
        assertThat(hidden.cues().cues()).noneMatch(c -> c.type() == CueType.EXPRESSION);
        Set<String> stored = redis.client().keys(WithRedis.PREFIX + ":cues:*");
        assertThat(stored).hasSize(2);
        redis.client().del(stored.toArray(String[]::new));
    }
}
