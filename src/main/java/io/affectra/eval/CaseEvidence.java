package io.affectra.eval;

import io.affectra.config.PrivacyConfig;
import io.affectra.cue.Ablation;
import io.affectra.cue.Cue;
import io.affectra.cue.CueFamily;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.encoder.text.TranscriptStillEncoder;
import io.affectra.evidence.AvMediaGate;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceKey;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.evidence.SharedCueStore;
import io.affectra.media.AvProbe;
import io.affectra.media.ImageDecoder;
import io.affectra.media.MediaKind;
import io.affectra.media.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The evidence a case is answered over, read by the {@link EvidenceExtractor} as the analyse endpoint reads it: a
 * still through every still encoder (faces, body language, the case's text as its transcript with its text emotion;
 * facial priors when the strategy wants them); a clip through the temporal pipeline over the whole clip as one window
 * (voice and prosody, body language, faces tracked over time, the case's text aligned to the speech as its
 * transcript); a transcript cue for text alone. De-identified cases (a strategy such as {@code deemo}, or the
 * server-wide setting) get no face-derived cue. A run reads each piece of evidence once: many questions ask about the
 * same photograph or clip.
 */
@ApplicationScoped
public class CaseEvidence {

    /** What a case rests on; {@code key} names the media and encoder versions it was read with (null for text alone). */
    public record Evidence(CueSet cues, int faceCount, String transcript, EvidenceKey key) {

        /** The evidence less an ablation's families; without the text family the transcript goes too. */
        public Evidence without(Ablation ablation) {
            if (ablation.isNone()) {
                return this;
            }
            CueSet kept = ablation.apply(cues).cues();
            return new Evidence(kept, faces(kept.cues()), ablation.removed().contains(CueFamily.TEXT) ? null : transcript, key);
        }
    }

    /**
     * What one run has read: each file's hash (files do not change during a run), and evidence by its key, with how
     * often a case found its evidence already read ({@code hits}: here, or by another replica through the shared store)
     * and how often the encoders ran ({@code misses}).
     */
    public static final class RunCache {

        private final Map<Path, String> hashes = new ConcurrentHashMap<>();
        private final Map<EvidenceKey, List<Cue>> cues = new ConcurrentHashMap<>();
        private final AtomicLong hits = new AtomicLong();
        private final AtomicLong misses = new AtomicLong();

        /** The key's cues: read before in this run, or by another replica (shared), or read now and shared. */
        List<Cue> get(EvidenceKey key, SharedCueStore shared, Supplier<List<Cue>> encode) {
            boolean[] encoded = new boolean[1];
            List<Cue> out = cues.computeIfAbsent(key, k -> shared.get(k).orElseGet(() -> {
                encoded[0] = true;
                List<Cue> read = encode.get();
                shared.put(k, read);
                return read;
            }));
            (encoded[0] ? misses : hits).incrementAndGet();
            return out;
        }

        public long hits() {
            return hits.get();
        }

        public long misses() {
            return misses.get();
        }
    }

    private final ImageDecoder decoder;
    private final AvMediaGate avGate;
    private final EvidenceExtractor extractor;
    private final PrivacyConfig privacy;
    private final SharedCueStore shared;

    public CaseEvidence(ImageDecoder decoder, AvMediaGate avGate, EvidenceExtractor extractor, PrivacyConfig privacy, SharedCueStore shared) {
        this.decoder = decoder;
        this.avGate = avGate;
        this.extractor = extractor;
        this.privacy = privacy;
        this.shared = shared;
    }

    public static RunCache newCache() {
        return new RunCache();
    }

    /** Evidence with faces analysed (not de-identified, unless the server forces it). */
    public Evidence of(Path media, String text, boolean priors, RunCache cache) {
        return of(media, text, priors, false, cache);
    }

    public Evidence of(Path media, String text, boolean priors, boolean deidentify, RunCache cache) {
        boolean noFaces = deidentify || privacy.forceDeidentify();
        String transcript = text == null || text.isBlank() ? null : text.strip();
        EvidenceOptions options = EvidenceOptions.of(priors, noFaces, transcript);
        List<Cue> cues;
        EvidenceKey key = null;
        if (media == null) {
            cues = transcript == null ? List.of() : List.of(TranscriptStillEncoder.transcriptCue(transcript));
        } else {
            String sha = cache.hashes.computeIfAbsent(media, Sha256::of);
            if (isClip(decoder.sniff(media))) {
                key = extractor.clipKey(sha, options);
                cues = cache.get(key, shared, () -> clipCues(media, options));
            } else {
                key = extractor.stillKey(sha, options);
                cues = cache.get(key, shared, () -> extractor.still(media, options).cues());
            }
        }
        return new Evidence(CueSet.of(cues), faces(cues), transcript, key);
    }

    private static int faces(List<Cue> cues) {
        return (int) cues.stream().filter(c -> c.type() == CueType.EXPRESSION).count();
    }

    private static boolean isClip(MediaKind kind) {
        return !kind.isImage() && kind != MediaKind.UNKNOWN;
    }

    private List<Cue> clipCues(Path media, EvidenceOptions options) {
        AvProbe probe = avGate.check(media, sizeOf(media), null);
        return extractor.clip(media, probe, avGate.limit(), options).cues();
    }

    private static long sizeOf(Path media) {
        try {
            return Files.size(media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
