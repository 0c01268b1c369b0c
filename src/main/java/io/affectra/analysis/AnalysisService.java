package io.affectra.analysis;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.EncoderExecutor;
import io.affectra.encoder.body.BodyAnalyzer;
import io.affectra.encoder.body.BodyCues;
import io.affectra.encoder.body.BodyFrame;
import io.affectra.encoder.body.GestureDetectors;
import io.affectra.encoder.body.KeypointTrack;
import io.affectra.encoder.body.PersonTracker;
import io.affectra.encoder.face.FaceAnalysis;
import io.affectra.encoder.text.TextEmotionEncoder;
import io.affectra.encoder.face.FaceAnalyzer;
import io.affectra.encoder.face.FaceCues;
import io.affectra.encoder.face.FaceOptions;
import io.affectra.timing.StageClock;
import io.affectra.timing.StageMetrics;
import io.affectra.media.DecodedImage;
import io.affectra.media.ImageDecoder;
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
 * One image analysis, start to end: validate, decode, encode faces, build cues, run the strategy on the
 * backend, store the result. Runs on a worker thread (it blocks on models and the backend).
 */
@ApplicationScoped
public class AnalysisService {

    /** How much of a transcript its cue quotes; the prompt carries the whole transcript. */
    static final int TRANSCRIPT_CUE_CHARS = 280;

    private final RequestResolver resolver;
    private final ImageDecoder decoder;
    private final FaceAnalyzer faces;
    private final BodyAnalyzer body;
    private final TextEmotionEncoder textEmotion;
    private final EncoderExecutor executor;
    private final AnalysisStore store;
    private final StageMetrics metrics;

    public AnalysisService(RequestResolver resolver, ImageDecoder decoder, FaceAnalyzer faces, BodyAnalyzer body,
            TextEmotionEncoder textEmotion, EncoderExecutor executor, AnalysisStore store,
            StageMetrics metrics) {
        this.body = body;
        this.textEmotion = textEmotion;
        this.executor = executor;
        this.metrics = metrics;
        this.resolver = resolver;
        this.decoder = decoder;
        this.faces = faces;
        this.store = store;
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
        boolean priors = request.facialPriors();

        StageClock clock = new StageClock();
        DecodedImage image = decoder.decode(media);
        clock.lap("decode");

        List<String> warnings = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        // Faces and body are independent: each runs on its own core.
        FaceAnalysis[] faceResult = {new FaceAnalysis(List.of(), Map.of())};
        List<Cue> bodyCues = new ArrayList<>();
        Map<String, Double> bodyTimings = new LinkedHashMap<>();
        List<Runnable> encoders = new ArrayList<>();
        if (deidentify) {
            withheld.add("face: expression, action units and facial priors are not computed in de-identified mode");
        } else {
            encoders.add(() -> faceResult[0] = faces.analyze(image, new FaceOptions(priors)));
        }
        if (body.enabled()) {
            encoders.add(() -> {
                // One frame: who is there and what they hold (touching the face, folded arms); not movements.
                BodyFrame frame = body.analyze(image.pixels(), 0, new PersonTracker());
                frame.timings().forEach((k, v) -> bodyTimings.put("body." + k, v));
                List<KeypointTrack> tracks = KeypointTrack.of(List.of(frame));
                bodyCues.addAll(BodyCues.of(tracks, GestureDetectors.detect(tracks)));
            });
        }
        executor.runAll(encoders);
        FaceAnalysis faceAnalysis = faceResult[0];
        if (priors && !deidentify && !faces.priorsAvailable()) {
            warnings.add("facial priors were requested but no prior model is enabled on this server");
        }
        clock.lap("encoders");
        if (faceAnalysis.faces().isEmpty() && !deidentify) {
            warnings.add("no face found: the answer rests on the transcript and the scene only");
        }

        List<Cue> cueList = new ArrayList<>(FaceCues.of(faceAnalysis.faces(), TimeSpan.STILL));
        cueList.addAll(bodyCues);
        if (!text.isEmpty()) {
            String quote = text.length() > TRANSCRIPT_CUE_CHARS ? text.substring(0, TRANSCRIPT_CUE_CHARS) + "..." : text;
            cueList.add(new Cue("T1", Modality.TEXT, "transcript", "speaker", "transcript", quote, 1.0, null, TimeSpan.STILL, Map.of()));
            cueList.addAll(textEmotion.cues("T1", text, TimeSpan.STILL));
        }
        CueSet cues = CueSet.of(cueList);
        clock.lap("cues");

        StrategyResult result = strategy.run(new StrategyInput(cues, text.isEmpty() ? null : text, labels, backend, faceAnalysis.faces().size()));
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

        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("decode", clock.laps().get("decode"));
        timings.putAll(faceAnalysis.timings());
        timings.putAll(bodyTimings);
        timings.put("cues", clock.laps().get("cues"));
        timings.put("backend", (double) result.call().backendMillis());
        timings.put("reasoning", clock.laps().get("reasoning"));
        AnalysisResult analysis = new AnalysisResult(
                UUID.randomUUID().toString(),
                Instant.now(),
                AnalysisResult.Media.image(image.kind().mimeType(), image.width(), image.height()),
                faceAnalysis.faces(),
                cues.cues(),
                result.answer(),
                result.call().backend(),
                result.call().model(),
                strategy.id(),
                result.prompt(),
                new AnalysisResult.Usage(result.call().promptTokens(), result.call().completionTokens(), result.call().attempts()),
                new AnalysisResult.Privacy(deidentify, withheld),
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
