package io.affectra.eval;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.face.FaceAnalysis;
import io.affectra.encoder.face.FaceAnalyzer;
import io.affectra.encoder.face.FaceCues;
import io.affectra.encoder.face.FaceOptions;
import io.affectra.media.DecodedImage;
import io.affectra.media.ImageDecoder;
import io.affectra.media.MediaKind;
import io.affectra.media.AvProbe;
import io.affectra.evidence.AvMediaGate;
import io.affectra.evidence.TemporalCueExtractor;
import io.affectra.config.AffectraConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evidence a case is answered over, built the way the analyse endpoint builds it: the image pipeline (decode,
 * faces, expressions, action units, priors when the strategy wants them) for images; the temporal pipeline over the
 * whole clip as one window (voice and prosody, body language, faces tracked over time, the case's text aligned to the
 * speech as its transcript) for video and audio; a transcript cue for text alone. De-identified cases (a strategy
 * such as {@code deemo}, or the server-wide setting) get no face-derived cue. A run analyses each file once: many
 * questions ask about the same photograph or clip.
 */
@ApplicationScoped
public class CaseEvidence {

    static final int TRANSCRIPT_CUE_CHARS = 280;

    /** What a case rests on. */
    public record Evidence(CueSet cues, int faceCount, String transcript) {
    }

    private final ImageDecoder decoder;
    private final FaceAnalyzer faces;
    private final AvMediaGate avGate;
    private final TemporalCueExtractor temporal;
    private final AffectraConfig config;

    public CaseEvidence(ImageDecoder decoder, FaceAnalyzer faces, AvMediaGate avGate, TemporalCueExtractor temporal, AffectraConfig config) {
        this.decoder = decoder;
        this.faces = faces;
        this.avGate = avGate;
        this.temporal = temporal;
        this.config = config;
    }

    /** A cache for one run: file (and its options) to its cues. */
    public static Map<String, List<Cue>> newCache() {
        return new ConcurrentHashMap<>();
    }

    /** Evidence with faces analysed (not de-identified, unless the server forces it). */
    public Evidence of(Path media, String text, boolean priors, Map<String, List<Cue>> cache) {
        return of(media, text, priors, false, cache);
    }

    public Evidence of(Path media, String text, boolean priors, boolean deidentify, Map<String, List<Cue>> cache) {
        boolean noFaces = deidentify || config.privacy().forceDeidentify();
        boolean usePriors = priors && !noFaces;
        String transcript = text == null || text.isBlank() ? null : text.strip();
        List<Cue> cues = new ArrayList<>();
        boolean clip = media != null && isClip(decoder.sniff(media));
        if (media != null) {
            // A clip's cues depend on its transcript (the case's text), an image's do not.
            String key = media + "|" + usePriors + "|" + noFaces + (clip ? "|" + transcript : "");
            cues.addAll(cache.computeIfAbsent(key, k -> clip ? clipCues(media, transcript, noFaces) : imageCues(media, usePriors, noFaces)));
        }
        if (transcript != null && !clip) {
            String quote = transcript.length() > TRANSCRIPT_CUE_CHARS ? transcript.substring(0, TRANSCRIPT_CUE_CHARS) + "..." : transcript;
            cues.add(new Cue("T1", Modality.TEXT, "transcript", "speaker", "transcript", quote, 1.0, null, TimeSpan.STILL, Map.of()));
        }
        int faceCount = (int) cues.stream().filter(c -> c.type().equals("expression")).count();
        return new Evidence(CueSet.of(cues), faceCount, transcript);
    }

    private static boolean isClip(MediaKind kind) {
        return !kind.isImage() && kind != MediaKind.UNKNOWN;
    }

    private List<Cue> imageCues(Path media, boolean priors, boolean noFaces) {
        DecodedImage image = decoder.decode(media);
        if (noFaces) {
            return List.of();
        }
        FaceAnalysis analysis = faces.analyze(image, new FaceOptions(priors));
        return List.copyOf(FaceCues.of(analysis.faces(), TimeSpan.STILL));
    }

    /** The text, when there is one, is what was said: aligned to the detected speech, with its text-emotion cues. */
    private List<Cue> clipCues(Path media, String transcript, boolean noFaces) {
        AvProbe probe = avGate.check(media, sizeOf(media), null);
        return temporal.wholeClip(media, probe, avGate.limit(), transcript == null ? "" : transcript, noFaces, config.video().fps()).cues();
    }

    private static long sizeOf(Path media) {
        try {
            return Files.size(media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
