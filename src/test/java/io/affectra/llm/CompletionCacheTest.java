package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.vocabulary.LabelSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The completion cache: keyed by everything that makes two calls the same, replies only, counted per trial. */
class CompletionCacheTest {

    static final EmotionBackend MODEL = new EmotionBackend() {
        @Override
        public String name() {
            return "m";
        }

        @Override
        public BackendKind kind() {
            return BackendKind.OPENAI;
        }

        @Override
        public String model() {
            return "model-a";
        }

        @Override
        public BackendReply complete(BackendRequest request) {
            throw new UnsupportedOperationException();
        }
    };

    static BackendRequest request(String user, Sampling sampling) {
        return new BackendRequest(List.of(PromptMessage.system("s"), PromptMessage.user(user)), java.util.Map.of("type", "object"), "emotion_answer",
                null, LabelSet.CANONICAL, null, sampling);
    }

    @Test
    void theKeyChangesWithMessagesSamplingBackendAndLabels() {
        CompletionKey base = CompletionKey.of("m", MODEL, request("u", Sampling.DEFAULT));
        assertThat(CompletionKey.of("m", MODEL, request("u", Sampling.DEFAULT))).isEqualTo(base);
        assertThat(CompletionKey.of("m", MODEL, request("u2", Sampling.DEFAULT))).isNotEqualTo(base);
        assertThat(CompletionKey.of("m", MODEL, request("u", new Sampling(0.5, null, null)))).isNotEqualTo(base);
        assertThat(CompletionKey.of("other", MODEL, request("u", Sampling.DEFAULT))).isNotEqualTo(base);
        BackendRequest fewerLabels = new BackendRequest(request("u", Sampling.DEFAULT).messages(), java.util.Map.of("type", "object"), "emotion_answer",
                null, new LabelSet(List.of("happiness", "neutral")), null, Sampling.DEFAULT);
        assertThat(CompletionKey.of("m", MODEL, fewerLabels)).isNotEqualTo(base);
    }

    @Test
    void keepsRepliesNeverFailuresAndCountsPerTrial() {
        SharedCompletionCache shared = new SharedCompletionCache(10);
        AtomicInteger asked = new AtomicInteger();
        BackendRequest r = request("u", Sampling.DEFAULT);
        CompletionKey key = CompletionKey.of("m", MODEL, r);

        assertThatThrownBy(() -> shared.complete(key, r, () -> {
            asked.incrementAndGet();
            throw new BackendException("m", BackendException.Reason.UNAVAILABLE, "down", null);
        })).isInstanceOf(BackendException.class);
        CompletionCache.TrialView first = new CompletionCache.TrialView(shared);
        assertThat(first.complete(key, r, () -> {
            asked.incrementAndGet();
            return new BackendReply("{}", 3, 1);
        }).text()).isEqualTo("{}");
        assertThat(first.allHits()).isFalse();
        CompletionCache.TrialView second = new CompletionCache.TrialView(shared);
        second.complete(key, r, () -> {
            throw new AssertionError("answered from the cache");
        });
        assertThat(second.allHits()).isTrue();
        assertThat(second.hits()).isEqualTo(1);
        assertThat(asked).hasValue(2); // the failure was not kept, so the second call asked again
    }

    @Test
    void boundedLeastRecentlyUsedFirstOut() {
        SharedCompletionCache shared = new SharedCompletionCache(2);
        for (String u : List.of("a", "b", "c")) {
            BackendRequest r = request(u, Sampling.DEFAULT);
            shared.complete(CompletionKey.of("m", MODEL, r), r, () -> new BackendReply(u, 0, 0));
        }
        assertThat(shared.size()).isEqualTo(2);
        BackendRequest a = request("a", Sampling.DEFAULT);
        assertThat(shared.complete(CompletionKey.of("m", MODEL, a), a, () -> new BackendReply("fresh", 0, 0)).text()).isEqualTo("fresh");
    }
}
