package io.affectra.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Asks a backend for a step whose reply is kept as text: a closed question (read afterwards with
 * {@link QuestionParser}), a free-text reasoning step, a judgement. Unlike {@link EmotionAnswerClient} it never asks
 * again: a benchmark scores exactly what the backend said, and a reasoning step's text is used as it came. Transport
 * failures propagate as {@link BackendException}s. Goes through the backend's call limits.
 */
@ApplicationScoped
public class StepClient {

    private static final Logger LOG = Logger.getLogger(StepClient.class);

    private final BackendRegistry registry;
    private final BackendLimiter limiter;

    @Inject
    public StepClient(BackendRegistry registry, BackendLimiter limiter) {
        this.registry = registry;
        this.limiter = limiter;
    }

    /**
     * @param backendName a configured backend, or null for the default one
     * @throws UnknownBackendException when no backend has that name
     */
    public AnsweredStep ask(String backendName, BackendRequest request) {
        return ask(backendName, request, CompletionCache.NONE);
    }

    /** As {@link #ask(String, BackendRequest)}, the reply looked up in {@code cache} first. */
    public AnsweredStep ask(String backendName, BackendRequest request, CompletionCache cache) {
        String name = backendName == null || backendName.isBlank() ? registry.defaultName() : backendName;
        EmotionBackend backend = registry.get(name);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("backend '%s' step %s", name, request.task() == null ? "?" : request.task().step());
        }
        long start = System.nanoTime();
        BackendReply reply = cache.complete(CompletionKey.of(name, backend, request), request, () -> limiter.call(name, () -> backend.complete(request)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AnsweredStep(name, backend.kind(), backend.model(), reply.text() == null ? "" : reply.text(),
                reply.promptTokens(), reply.completionTokens(), millis);
    }
}
