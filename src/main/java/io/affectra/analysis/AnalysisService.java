package io.affectra.analysis;

import io.affectra.cue.CueSet;
import io.affectra.encoder.body.Skeleton;
import io.affectra.evidence.Evidence;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.evidence.MediaInfo;
import io.affectra.timing.StageClock;
import io.affectra.timing.StageMetrics;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One image analysis, start to end: validate, read the still's evidence (decode, every still encoder: faces, body,
 * the transcript), run the strategy on the backend, store the result. Runs on a worker thread (it blocks on models and
 * the backend).
 */
@ApplicationScoped
public class AnalysisService {

    private final RequestResolver resolver;
    private final EvidenceExtractor extractor;
    private final AnalysisStore store;
    private final StageMetrics metrics;

    public AnalysisService(RequestResolver resolver, EvidenceExtractor extractor, AnalysisStore store, StageMetrics metrics) {
        this.resolver = resolver;
        this.extractor = extractor;
        this.store = store;
        this.metrics = metrics;
    }

    public AnalysisResult analyze(Path media, String transcript, AnalyzeOptions options) {
        long start = System.nanoTime();
        // Everything about the request is checked before any model runs.
        ResolvedRequest request = resolver.resolve(transcript, options);
        Strategy strategy = request.strategy();
        String backend = request.backend();
        LabelSet labels = request.labels();
        String text = request.transcript();
        boolean deidentify = request.deidentify();

        Evidence evidence = extractor.still(media, EvidenceOptions.of(request.facialPriors(), deidentify, text));
        StageClock clock = new StageClock();
        List<String> warnings = new ArrayList<>(evidence.warnings());
        if (evidence.faces().isEmpty() && !deidentify) {
            warnings.add("no face found: the answer rests on the transcript and the scene only");
        }
        CueSet cues = CueSet.of(evidence.cues());
        clock.lap("cues");

        StrategyResult result = strategy.run(new StrategyInput(cues, text.isEmpty() ? null : text, labels, backend, evidence.faces().size()));
        clock.lap("reasoning");
        if (!result.unknownCueIds().isEmpty()) {
            warnings.add("the backend cited cue ids that do not exist and were dropped: " + String.join(", ", result.unknownCueIds()));
        }

        if (result.verification() != null && !result.verification().dropped().isEmpty()) {
            warnings.add("verification dropped " + result.verification().dropped().size() + " cited clue(s) that the measurements do not support: "
                    + String.join(", ", result.verification().dropped().stream().map(v -> v.id()).toList()));
        }
        boolean explain = Boolean.TRUE.equals(options.explain());
        AnalysisResult.Reasoning reasoning = explain || result.verification() != null || !result.knowledge().isEmpty()
                ? new AnalysisResult.Reasoning(result.knowledge(), result.verification(), explain ? result.steps() : null)
                : null;

        Map<String, Double> timings = new LinkedHashMap<>(evidence.timings());
        timings.put("cues", clock.laps().get("cues"));
        timings.put("backend", (double) result.call().backendMillis());
        timings.put("reasoning", clock.laps().get("reasoning"));
        MediaInfo info = evidence.media();
        AnalysisResult analysis = new AnalysisResult(
                UUID.randomUUID().toString(),
                Instant.now(),
                AnalysisResult.Media.image(info.mimeType(), info.width(), info.height()),
                evidence.faces(),
                evidence.bodies(),
                evidence.bodies().isEmpty() ? null : Skeleton.STANDARD,
                cues.cues(),
                result.answer(),
                result.call().backend(),
                result.call().model(),
                strategy.id(),
                result.prompt(),
                new AnalysisResult.Usage(result.call().promptTokens(), result.call().completionTokens(), result.call().attempts()),
                new AnalysisResult.Privacy(deidentify, evidence.withheld()),
                warnings,
                timings,
                null,
                reasoning);
        store.save(analysis);
        // Stored without these two: they are only known once the row is written.
        clock.lap("store");
        timings.put("store", clock.laps().get("store"));
        timings.put("total", ms(System.nanoTime() - start));
        metrics.record("image", timings);
        return analysis;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
