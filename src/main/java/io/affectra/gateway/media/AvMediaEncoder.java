package io.affectra.gateway.media;

import io.affectra.config.DataConfig;
import io.affectra.evidence.AvMediaGate;
import io.affectra.evidence.Evidence;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceKey;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.evidence.Timeline;
import io.affectra.media.AvProbe;
import io.affectra.media.Sha256;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Video ({@code video_url}) and audio ({@code input_audio}) parts: the evidence {@code /v1/emotion/analyze} reads from a
 * clip (body language and micro-gestures, faces tracked over time, voice activity and prosody), over the whole clip as
 * one window. FFmpeg reads files, so the bytes are spooled for the call's duration only, in the data directory's spool
 * that is emptied at every start: the voice and faces are never kept.
 */
@Singleton
public class AvMediaEncoder implements MediaEncoder {

    private static final Logger LOG = Logger.getLogger(AvMediaEncoder.class);

    private final AvMediaGate gate;
    private final EvidenceExtractor extractor;
    private final Path spool;

    public AvMediaEncoder(DataConfig data, AvMediaGate gate, EvidenceExtractor extractor) {
        this.gate = gate;
        this.extractor = extractor;
        this.spool = Path.of(data.dataDir(), "spool");
    }

    @Override
    public boolean accepts(MediaPart.Kind kind) {
        return kind == MediaPart.Kind.VIDEO || kind == MediaPart.Kind.AUDIO;
    }

    @Override
    public EvidenceKey key(LoadedMedia media, EncodeOptions options) {
        return extractor.clipKey(Sha256.of(media.bytes()), evidenceOptions(media.part(), options));
    }

    @Override
    public EncodedMedia encode(LoadedMedia media, EncodeOptions options) {
        MediaPart part = media.part();
        if (media.sniffed().isImage()) {
            throw new MediaRejected(400, "invalid-media", part.param(), "The " + part.label() + " is a still image ("
                    + media.sniffed().mimeType() + "); send it as an image_url part.");
        }
        Path file = spool(media.bytes());
        try {
            AvProbe probe = gate.check(file, media.bytes().length, part.kind() == MediaPart.Kind.VIDEO ? "video/*" : null);
            if (part.kind() == MediaPart.Kind.AUDIO && !probe.hasAudio()) {
                throw new MediaRejected(400, "no-audio-stream", part.param(), "The " + part.label() + " holds no audio stream.");
            }
            gate.requireSync(probe);
            // One window over the whole clip: a chat turn is one question about the clip.
            Evidence evidence = extractor.clip(file, probe, gate.syncLimit(), evidenceOptions(part, options));
            return new EncodedMedia(evidence.key(), evidence.cues(), summary(evidence), evidence.timeline().faceTracks().size(),
                    evidence.warnings(), evidence.withheld(), evidence.provisional());
        } finally {
            delete(file);
        }
    }

    /** An {@code input_audio} part is heard, not watched, even when the container also holds pictures (cover art). */
    private static EvidenceOptions evidenceOptions(MediaPart part, EncodeOptions options) {
        EvidenceOptions whole = EvidenceOptions.of(options.facialPriors(), options.deidentify(), "");
        return part.kind() == MediaPart.Kind.AUDIO ? whole.withSoundOnly() : whole;
    }

    private static String summary(Evidence evidence) {
        var media = evidence.media();
        Timeline timeline = evidence.timeline();
        boolean video = media.hasVideo();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %s, %.1f s", media.format(), video ? "video" : "audio",
                media.durationMs() / 1000.0));
        if (video) {
            s.append(String.format(Locale.ROOT, ", %dx%d, %d frames sampled", media.width(), media.height(), timeline.frames()));
            s.append(", ").append(count(timeline.faceTracks().size(), "face track"));
            s.append(", ").append(count(timeline.gestures().size(), "body-language event"));
        }
        if (timeline.voice() != null) {
            s.append(", ").append(count(timeline.voice().segments().size(), "speech segment"));
            if (timeline.transcription() != null) {
                s.append(", words heard by ").append(timeline.transcription());
            }
        } else {
            s.append(", no audio");
        }
        return s.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Path spool(byte[] bytes) {
        try {
            Files.createDirectories(spool);
            Path file = spool.resolve("chat-" + UUID.randomUUID() + ".media");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a chat media part", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The spool is emptied at the next start; the request's own outcome matters more than this.
            LOG.warnf("could not remove a chat media part from the spool: %s", e.getMessage());
        }
    }
}
