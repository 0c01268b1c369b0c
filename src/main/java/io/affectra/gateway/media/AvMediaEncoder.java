package io.affectra.gateway.media;

import io.affectra.analysis.AvMediaGate;
import io.affectra.analysis.TemporalCueExtractor;
import io.affectra.config.AffectraConfig;
import io.affectra.cue.Cue;
import io.affectra.media.AvProbe;
import io.affectra.media.MediaKind;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Video ({@code video_url}) and audio ({@code input_audio}) parts: the same temporal pipeline as
 * {@code /v1/emotion/analyze} (body language and micro-gestures, faces tracked over time, voice activity and prosody),
 * over the whole clip as one window. FFmpeg reads files, so the bytes are spooled for the call's duration only, in
 * the data directory's spool that is emptied at every start: the voice and faces are never kept.
 */
@Singleton
public class AvMediaEncoder implements MediaEncoder {

    private static final Logger LOG = Logger.getLogger(AvMediaEncoder.class);

    private final AffectraConfig config;
    private final AvMediaGate gate;
    private final TemporalCueExtractor extractor;
    private final Path spool;

    public AvMediaEncoder(AffectraConfig config, AvMediaGate gate, TemporalCueExtractor extractor) {
        this.config = config;
        this.gate = gate;
        this.extractor = extractor;
        this.spool = Path.of(config.dataDir(), "spool");
    }

    @Override
    public boolean accepts(MediaPart.Kind kind) {
        return kind == MediaPart.Kind.VIDEO || kind == MediaPart.Kind.AUDIO;
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
            boolean video = part.kind() == MediaPart.Kind.VIDEO;
            TemporalCueExtractor.WholeClip clip = extractor.wholeClip(file, video ? probe : audioOnly(probe), gate.syncLimit(), "",
                    options.deidentify(), config.video().fps());
            TemporalCueExtractor.Extraction extraction = clip.extraction();
            List<Cue> cues = clip.cues();
            return new EncodedMedia(cues, summary(media, probe, video, extraction), extraction.faceTracks().size(), extraction.warnings(),
                    extraction.withheld());
        } finally {
            delete(file);
        }
    }

    /** An {@code input_audio} part is heard, not watched, even when the container also holds pictures (cover art). */
    private static AvProbe audioOnly(AvProbe p) {
        return new AvProbe(p.format(), false, p.hasAudio(), p.durationMs(), 0, 0, 0, null, p.audioCodec(), p.sampleRate(), p.channels());
    }

    private static String summary(LoadedMedia media, AvProbe probe, boolean video, TemporalCueExtractor.Extraction extraction) {
        // The sniffed kind reads better than FFmpeg's demuxer list ("mov,mp4,m4a,3gp,3g2,mj2").
        String container = media.sniffed() != MediaKind.UNKNOWN ? media.sniffed().name() : probe.format().split(",")[0].toUpperCase(Locale.ROOT);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %s, %.1f s", container, video ? "video" : "audio",
                extraction.durationMs() / 1000.0));
        if (video) {
            s.append(String.format(Locale.ROOT, ", %dx%d, %d frames sampled", probe.width(), probe.height(), extraction.frames()));
            s.append(", ").append(count(extraction.faceTracks().size(), "face track"));
            s.append(", ").append(count(extraction.gestures().size(), "body-language event"));
        }
        if (extraction.voice() != null) {
            s.append(", ").append(count(extraction.voice().segments().size(), "speech segment"));
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
