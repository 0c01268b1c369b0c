package io.affectra.llm.local;

import io.affectra.llm.BackendConfig;
import io.affectra.llm.BackendFactory;
import io.affectra.llm.BackendKind;
import io.affectra.llm.EmotionBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Kind {@code local}: the embedded cue-fusion reasoner. Every local backend shares one set of weights and task answerer. */
@ApplicationScoped
public class LocalBackendFactory implements BackendFactory {

    private final FusionWeights weights;
    private final LocalTaskAnswerer tasks;

    /** Emotion answers only (tests, tools): questions and reasoning steps need the knowledge base, hence CDI. */
    public LocalBackendFactory() {
        this(FusionWeights.load(), null);
    }

    @Inject
    public LocalBackendFactory(LocalTaskAnswerer tasks) {
        this(FusionWeights.load(), tasks);
    }

    /** @param tasks what answers questions and reasoning steps; null when only emotion answers are needed */
    public LocalBackendFactory(FusionWeights weights, LocalTaskAnswerer tasks) {
        this.weights = weights;
        this.tasks = tasks;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL;
    }

    @Override
    public EmotionBackend create(String name, BackendConfig config) {
        return new LocalCueFusionBackend(name, weights, tasks);
    }

    /** In-process: no server, and a {@code base-url} would be ignored. */
    @Override
    public Optional<String> baseUrl(BackendConfig config) {
        return Optional.empty();
    }
}
