package io.affectra.analysis;

import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.evidence.Evidence;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.evidence.EvidenceWindow;
import io.affectra.evidence.MediaInfo;
import io.affectra.evidence.Timeline;
import io.affectra.evidence.VideoConfig;
import io.affectra.media.AvProbe;
import io.affectra.media.DecodeLimit;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import io.affectra.timing.StageClock;
import io.affectra.timing.StageMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Video and audio analysis: the {@link EvidenceExtractor} streams the media through the encoders and cuts the time
 * line into windows (EALD); the strategy answers for each window as it closes, and the windows' answers are then
 * aggregated. Memory depends on the number of people and windows, not on the duration.
 */
@ApplicationScoped
public class TemporalAnalysisService {

    private final VideoConfig video;
    private final RequestResolver resolver;
    private final EvidenceExtractor extractor;
    private final AnalysisStore store;
    private final StageMetrics metrics;

    public TemporalAnalysisService(VideoConfig video, RequestResolver resolver, EvidenceExtractor extractor, AnalysisStore store,
            StageMetrics metrics) {
        this.video = video;
        this.resolver = resolver;
        this.extractor = extractor;
        this.store = store;
        this.metrics = metrics;
    }

    /** @param limit how far decoding may go: the synchronous limit on the analyse endpoint, the media limit in a job */
    public AnalysisResult analyze(Path media, AvProbe probe, DecodeLimit limit, String transcript, AnalyzeOptions options,
            ProgressListener listener) {
        long started = System.nanoTime();
        ResolvedRequest request = resolver.resolve(transcript, options);
        double fps = options.fps() != null ? options.fps() : video.fps();
        long windowMs = options.windowSeconds() != null ? Math.round(options.windowSeconds() * 1000) : video.window().toMillis();
        long duration = Math.max(1, probe.durationMs());

        WindowAnswers answers = new WindowAnswers(request, duration, listener, started);
        Evidence evidence = extractor.clip(media, probe, limit, new EvidenceOptions(false, request.deidentify(), request.transcript(), fps,
                windowMs, false, request.transcribe()), listener, answers::answer);

        StrategyResult last = answers.lastResult;
        Map<String, Double> timings = new LinkedHashMap<>(evidence.timings());
        timings.put("backend", (double) answers.backendMillis);
        Timeline timeline = evidence.timeline();
        AnalysisResult.Temporal temporal = new AnalysisResult.Temporal(fps, windowMs, timeline.faceTracks(), timeline.gestures(),
                timeline.voice(), timeline.transcript(), timeline.transcription(), answers.answers);
        MediaInfo info = evidence.media();
        AnalysisResult result = new AnalysisResult(
                UUID.randomUUID().toString(),
                Instant.now(),
                new AnalysisResult.Media(info.mimeType(), info.width(), info.height(), info.durationMs(), info.hasVideo(), info.hasAudio()),
                List.of(),
                List.of(),
                null,
                evidence.cues(),
                WindowAggregator.aggregate(answers.answers, request.labels()),
                last.call().backend(),
                last.call().model(),
                request.strategy().id(),
                last.prompt(),
                new AnalysisResult.Usage(answers.promptTokens, answers.completionTokens, answers.attempts),
                new AnalysisResult.Privacy(request.deidentify(), evidence.withheld()),
                evidence.warnings(),
                timings,
                temporal,
                null);
        StageClock clock = new StageClock();
        store.save(result);
        clock.lap("store");
        timings.put("store", clock.laps().get("store"));
        timings.put("total", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
        metrics.record("temporal", timings);
        listener.progress("done", 1.0, 0L);
        return result;
    }

    /** Answers each window as it closes, and keeps the time line. */
    private static final class WindowAnswers {
        final ResolvedRequest request;
        final long duration;
        final ProgressListener listener;
        final long started;
        final List<WindowAnswer> answers = new ArrayList<>();
        StrategyResult lastResult;
        long backendMillis;
        int promptTokens;
        int completionTokens;
        int attempts;

        WindowAnswers(ResolvedRequest request, long duration, ProgressListener listener, long started) {
            this.request = request;
            this.duration = duration;
            this.listener = listener;
            this.started = started;
        }

        void answer(EvidenceWindow window) {
            CueSet cueSet = CueSet.of(window.cues());
            int faceCount = (int) window.cues().stream().filter(c -> c.type() == CueType.EXPRESSION).count();
            StrategyResult result = request.strategy().run(new StrategyInput(cueSet, window.transcript(), request.labels(),
                    request.backend(), faceCount));
            lastResult = result;
            backendMillis += result.call().backendMillis();
            promptTokens += result.call().promptTokens();
            completionTokens += result.call().completionTokens();
            attempts += result.call().attempts();
            WindowAnswer answer = new WindowAnswer(window.index(), window.span().startMs(), window.span().endMs(), window.cues().size(),
                    result.answer());
            answers.add(answer);
            listener.window(answer);
            double fraction = Math.min(0.99, 0.15 + 0.85 * window.span().endMs() / (double) duration);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            listener.progress("windows", fraction, Math.round(elapsed * (1 - fraction) / fraction));
        }
    }
}
