package io.affectra.analysis;

import io.affectra.config.PrivacyConfig;
import io.affectra.encoder.speech.Transcription;
import io.affectra.llm.BackendRegistry;
import io.affectra.media.LimitsConfig;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a request's options and fills in defaults; every problem is reported before media is touched. */
@ApplicationScoped
public class RequestResolver {

    private final PrivacyConfig privacy;
    private final LimitsConfig limits;
    private final StrategyRegistry strategies;
    private final BackendRegistry backends;
    private final Transcription transcription;

    public RequestResolver(PrivacyConfig privacy, LimitsConfig limits, StrategyRegistry strategies, BackendRegistry backends,
            Transcription transcription) {
        this.transcription = transcription;
        this.privacy = privacy;
        this.limits = limits;
        this.strategies = strategies;
        this.backends = backends;
    }

    public ResolvedRequest resolve(String transcript, AnalyzeOptions options) {
        Strategy strategy = strategies.get(options.strategy());
        String backend = options.backend() == null ? backends.defaultName() : options.backend();
        backends.get(backend);
        boolean deidentify = Boolean.TRUE.equals(options.deidentify()) || privacy.forceDeidentify()
                || strategy.requiresDeidentified();
        boolean priors = (Boolean.TRUE.equals(options.facialPriors()) || strategy.wantsFacialPriors()) && !deidentify;
        if (options.fps() != null && !(options.fps() > 0 && options.fps() <= 30)) {
            throw new InvalidRequestException("invalid-options", "fps must be in (0, 30].");
        }
        if (options.windowSeconds() != null && !(options.windowSeconds() >= 1 && options.windowSeconds() <= 3600)) {
            throw new InvalidRequestException("invalid-options", "windowSeconds must be in [1, 3600].");
        }
        try {
            transcription.check(options.transcribe());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid-options", "transcribe: " + e.getMessage() + ".");
        }
        String transcribe = options.transcribe() == null || options.transcribe().isBlank() ? Transcription.AUTO : options.transcribe().strip();
        return new ResolvedRequest(strategy, backend, labels(options), transcript(transcript), deidentify, priors, transcribe);
    }

    private LabelSet labels(AnalyzeOptions options) {
        if (options.labels() == null) {
            return LabelSet.CANONICAL;
        }
        try {
            return new LabelSet(options.labels());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid-options", "labels: " + e.getMessage());
        }
    }

    private String transcript(String transcript) {
        if (transcript == null) {
            return "";
        }
        String text = transcript.strip();
        if (text.length() > limits.maxTranscriptChars()) {
            throw new InvalidRequestException("transcript-too-long",
                    "The transcript has " + text.length() + " characters; the limit is " + limits.maxTranscriptChars() + ".");
        }
        return text;
    }
}
