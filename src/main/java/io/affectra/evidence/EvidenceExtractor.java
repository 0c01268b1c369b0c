package io.affectra.evidence;

import io.affectra.cue.Cue;
import io.affectra.encoder.EncoderExecutor;
import io.affectra.encoder.StillCueEncoder;
import io.affectra.encoder.StillCues;
import io.affectra.encoder.StillOptions;
import io.affectra.encoder.audio.VoiceAnalyzer;
import io.affectra.encoder.body.BodyAnalyzer;
import io.affectra.encoder.body.BodyReport;
import io.affectra.encoder.face.FaceAnalyzer;
import io.affectra.encoder.face.FaceReport;
import io.affectra.encoder.speech.Transcription;
import io.affectra.encoder.speech.TranscriptionPlan;
import io.affectra.encoder.text.TextEmotionEncoder;
import io.affectra.media.AvProbe;
import io.affectra.media.DecodeLimit;
import io.affectra.media.DecodedImage;
import io.affectra.media.ImageDecoder;
import io.affectra.media.MediaKind;
import io.affectra.media.MediaSniffer;
import io.affectra.media.Sha256;
import io.affectra.timing.StageClock;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way media becomes evidence, for the analyse endpoint, jobs, chat media parts and evaluations alike: a still
 * goes through every {@link StillCueEncoder} bean side by side (face, body, transcript; face-derived ones never in
 * de-identified mode), a clip through the temporal pipeline ({@link TemporalCueExtractor}), its speech heard by a
 * transcription backend where the request allows and the client sent no transcript. What comes out is keyed by
 * an {@link EvidenceKey}, which callers that remember evidence use. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class EvidenceExtractor {

    private final ImageDecoder decoder;
    private final List<StillCueEncoder> stills;
    private final TemporalCueExtractor temporal;
    private final FaceAnalyzer faces;
    private final BodyAnalyzer body;
    private final VoiceAnalyzer voice;
    private final TextEmotionEncoder textEmotion;
    private final EncoderExecutor executor;
    private final VideoConfig video;
    private final Transcription transcription;

    public EvidenceExtractor(ImageDecoder decoder, @All List<StillCueEncoder> stills, TemporalCueExtractor temporal, FaceAnalyzer faces,
            BodyAnalyzer body, VoiceAnalyzer voice, TextEmotionEncoder textEmotion, EncoderExecutor executor, VideoConfig video,
            Transcription transcription) {
        this.transcription = transcription;
        this.decoder = decoder;
        this.stills = List.copyOf(stills);
        this.temporal = temporal;
        this.faces = faces;
        this.body = body;
        this.voice = voice;
        this.textEmotion = textEmotion;
        this.executor = executor;
        this.video = video;
    }

    /** The key of what {@link #still} makes of media with this sha256 and these options. */
    public EvidenceKey stillKey(String mediaSha256, EvidenceOptions options) {
        Map<String, String> versions = new LinkedHashMap<>();
        running(options).forEach(e -> versions.put(e.id(), e.version()));
        return EvidenceKey.still(mediaSha256, versions, options);
    }

    /** The key of what {@link #clip} makes of media with this sha256 and these options. */
    public EvidenceKey clipKey(String mediaSha256, EvidenceOptions options) {
        Map<String, String> versions = new LinkedHashMap<>();
        if (!options.soundOnly()) {
            if (!options.deidentify()) {
                versions.put("face", faces.version());
            }
            versions.put("body", body.version());
        }
        versions.put("voice", voice.version());
        versions.put("transcript", textEmotion.version());
        return EvidenceKey.clip(mediaSha256, versions, options, fps(options), transcription(options).key());
    }

    /** Who hears a clip's speech: nobody where the client sent the words. */
    private TranscriptionPlan transcription(EvidenceOptions options) {
        return options.transcript().isEmpty() ? transcription.plan(options.transcribe(), options.deidentify()) : TranscriptionPlan.NONE;
    }

    /** A still image file: its size is checked before it is read. */
    public Evidence still(Path file, EvidenceOptions options) {
        return still(decoder.read(file), options);
    }

    public Evidence still(byte[] bytes, EvidenceOptions options) {
        StageClock clock = new StageClock();
        DecodedImage image = decoder.decode(bytes);
        clock.lap("decode");

        List<StillCueEncoder> running = running(options);
        List<String> withheld = new ArrayList<>();
        for (StillCueEncoder e : stills) {
            if (!running.contains(e)) {
                withheld.add(PrivacyNotes.withheld(e.id(), e.measures()));
            }
        }
        StillOptions stillOptions = new StillOptions(options.priorsAllowed(), options.transcript());
        StillCues[] found = new StillCues[running.size()];
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            int at = i;
            tasks.add(() -> found[at] = running.get(at).encode(image, stillOptions));
        }
        executor.runAll(tasks);

        List<Cue> cues = new ArrayList<>();
        List<FaceReport> faceReports = new ArrayList<>();
        List<BodyReport> bodyReports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Double> timings = new LinkedHashMap<>(clock.laps());
        for (StillCues f : found) {
            cues.addAll(f.cues());
            faceReports.addAll(f.faces());
            bodyReports.addAll(f.bodies());
            warnings.addAll(f.warnings());
            timings.putAll(f.timings());
        }
        MediaInfo media = new MediaInfo(image.kind(), image.kind().mimeType(), image.kind().name(), image.width(), image.height(), null,
                null, null);
        return new Evidence(stillKey(Sha256.of(bytes), options), media, cues, faceReports, bodyReports, null, warnings, withheld, timings, false);
    }

    /** A clip read whole, as one window (a chat part, an evaluation case). */
    public Evidence clip(Path file, AvProbe probe, DecodeLimit limit, EvidenceOptions options) {
        return clip(file, probe, limit, options, ExtractionProgress.NONE, EvidenceWindow.Sink.NONE);
    }

    /**
     * A video or audio clip, its windows handed to {@code sink} as they close.
     *
     * @param probe what {@link AvMediaGate#check} found
     * @param limit how far decoding may go (see {@link AvMediaGate})
     */
    public Evidence clip(Path file, AvProbe probe, DecodeLimit limit, EvidenceOptions options, ExtractionProgress progress,
            EvidenceWindow.Sink sink) {
        AvProbe read = options.soundOnly() ? soundOnly(probe) : probe;
        List<Cue> cues = new ArrayList<>();
        TemporalCueExtractor.Extraction extraction = temporal.extract(file, read, limit, options.transcript(), transcription(options),
                options.deidentify(),
                fps(options), options.windowMs(), progress, window -> {
                    cues.addAll(window.cues());
                    sink.accept(window);
                });
        MediaKind kind = MediaSniffer.sniff(file);
        // The sniffed kind reads better than FFmpeg's demuxer list ("mov,mp4,m4a,3gp,3g2,mj2").
        String format = kind != MediaKind.UNKNOWN ? kind.name() : read.format().split(",")[0].toUpperCase(Locale.ROOT);
        MediaInfo media = new MediaInfo(kind, read.mimeType(kind), format, read.width(), read.height(), extraction.durationMs(),
                read.hasVideo(), read.hasAudio());
        return new Evidence(clipKey(Sha256.of(file), options), media, cues, List.of(), List.of(), extraction.timeline(), extraction.warnings(),
                extraction.withheld(), extraction.timings(), extraction.provisional());
    }

    /** The frames per second a clip is sampled at: the request's, else the server's. */
    public double fps(EvidenceOptions options) {
        return options.fps() != null ? options.fps() : video.fps();
    }

    private List<StillCueEncoder> running(EvidenceOptions options) {
        return stills.stream().filter(e -> !(options.deidentify() && e.faceDerived())).toList();
    }

    /** Heard, not watched: a container's pictures (cover art, a video track) are not read. */
    private static AvProbe soundOnly(AvProbe p) {
        return new AvProbe(p.format(), false, p.hasAudio(), p.durationMs(), 0, 0, 0, null, p.audioCodec(), p.sampleRate(), p.channels());
    }
}
