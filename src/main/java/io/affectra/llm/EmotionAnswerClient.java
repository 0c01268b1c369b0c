package io.affectra.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Asks a named backend for an emotion answer and parses it. A reply that is not a valid answer is asked for again up
 * to the backend's {@code invalid-answer-retries} times, showing the model its reply and what was wrong with it;
 * after that the call fails with {@link BackendException.Reason#INVALID_ANSWER}. Transport failures are not retried
 * here (they propagate as {@link BackendException}s for the caller's fallback).
 * Logs prompt text at DEBUG only; never keys.
 */
@ApplicationScoped
public class EmotionAnswerClient {

    private static final Logger LOG = Logger.getLogger(EmotionAnswerClient.class);

    private final BackendRegistry registry;
    private final AnswerParser parser;
    private final BackendLimiter limiter;

    @Inject
    public EmotionAnswerClient(BackendRegistry registry, AnswerParser parser, BackendLimiter limiter) {
        this.registry = registry;
        this.parser = parser;
        this.limiter = limiter;
    }

    /** Without call limits (tests, tools). */
    public EmotionAnswerClient(BackendRegistry registry, AnswerParser parser) {
        this(registry, parser, BackendLimiter.NONE);
    }

    /**
     * @param backendName a configured backend, or null for the default one
     * @throws UnknownBackendException when no backend has that name
     * @throws BackendException        when the backend fails or keeps replying with invalid answers
     */
    public AnsweredCall ask(String backendName, BackendRequest request) {
        return ask(backendName, request, CompletionCache.NONE);
    }

    /** As {@link #ask(String, BackendRequest)}, each reply looked up in {@code cache} first. */
    public AnsweredCall ask(String backendName, BackendRequest request, CompletionCache cache) {
        Objects.requireNonNull(request.labels(), "the request has no label set to parse the answer against");
        String name = backendName == null || backendName.isBlank() ? registry.defaultName() : backendName;
        EmotionBackend backend = registry.get(name);
        int maxAttempts = 1 + Math.max(0, registry.config(name).invalidAnswerRetries());
        BackendRequest current = request;
        int promptTokens = 0;
        int completionTokens = 0;
        long millis = 0;
        String lastReason = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("backend '%s' attempt %d prompt:%n%s", name, attempt, promptText(current));
            }
            long start = System.nanoTime();
            BackendRequest attemptRequest = current;
            BackendReply reply = cache.complete(CompletionKey.of(name, backend, attemptRequest), attemptRequest,
                    () -> limiter.call(name, () -> backend.complete(attemptRequest)));
            millis += (System.nanoTime() - start) / 1_000_000;
            promptTokens += reply.promptTokens();
            completionTokens += reply.completionTokens();
            try {
                ParsedAnswer parsed = parser.parse(reply.text(), request.labels(), request.cues());
                if (!parsed.unknownCueIds().isEmpty()) {
                    LOG.debugf("backend '%s' cited unknown cue ids %s", name, parsed.unknownCueIds());
                }
                return new AnsweredCall(name, backend.kind(), backend.model(), parsed.answer(), parsed.unknownCueIds(), attempt,
                        promptTokens, completionTokens, millis, reply.text());
            } catch (InvalidAnswerException e) {
                lastReason = e.reason();
                LOG.warnf("backend '%s' gave an invalid answer (attempt %d of %d): %s", name, attempt, maxAttempts, lastReason);
                LOG.debugf("backend '%s' invalid reply:%n%s", name, reply.text());
                current = current.withMessages(correction(current, reply.text(), lastReason));
            }
        }
        throw new BackendException(name, BackendException.Reason.INVALID_ANSWER,
                "backend '" + name + "' gave no valid answer in " + maxAttempts + " attempt(s): " + lastReason, null);
    }

    /** The conversation so far, the bad reply as the model's turn, and what to fix as the next user turn. */
    static List<PromptMessage> correction(BackendRequest request, String badReply, String reason) {
        List<PromptMessage> messages = new ArrayList<>(request.messages());
        messages.add(PromptMessage.assistant(badReply == null || badReply.isBlank() ? "(empty reply)" : badReply));
        messages.add(PromptMessage.user(correctionText(request, reason)));
        return messages;
    }

    static String correctionText(BackendRequest request, String reason) {
        String labels = request.labels() == null ? "" : " (one of: " + String.join(", ", request.labels().labels()) + ")";
        return "Your previous reply could not be used: " + reason + ". Reply again with only the JSON object, no other text "
                + "and no code fences: \"label\"" + labels + ", \"confidence\" (a number from 0 to 1), \"probabilities\" "
                + "(one number per label), \"reasoning\" (a short string citing cue ids) and \"cueIds\" (an array of the ids "
                + "of the cues the answer rests on).";
    }

    private static String promptText(BackendRequest request) {
        return request.messages().stream()
                .map(m -> m.role() + ": " + m.text())
                .collect(Collectors.joining("\n"));
    }
}
