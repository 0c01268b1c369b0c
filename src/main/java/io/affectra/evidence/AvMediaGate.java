package io.affectra.evidence;

import io.affectra.media.AvDecoder;
import io.affectra.media.AvProbe;
import io.affectra.media.DecodeLimit;
import io.affectra.media.LimitsConfig;
import io.affectra.media.MediaException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Checks a video or audio upload before any frame is decoded: size, header limits, and what the client said it is; and says
 * how far decoding may then go ({@link DecodeLimit}), since the header's duration is only what the file claims.
 */
@ApplicationScoped
public class AvMediaGate {

    private final LimitsConfig limits;
    private final VideoConfig video;
    private final AvDecoder decoder;

    public AvMediaGate(LimitsConfig limits, VideoConfig video, AvDecoder decoder) {
        this.limits = limits;
        this.video = video;
        this.decoder = decoder;
    }

    /**
     * @param declaredType the part's Content-Type: never trusted to decide what the bytes are, but a client
     *                     that says "video" about audio-only bytes is told so rather than silently served audio
     */
    public AvProbe check(Path file, long size, String declaredType) {
        if (size > limits.maxAvBytes()) {
            throw MediaException.tooLarge(size, limits.maxAvBytes());
        }
        AvProbe probe = decoder.probe(file);
        if (declaredType != null && declaredType.startsWith("video/") && !probe.hasVideo()) {
            throw new MediaException("no-video-stream", 415,
                    "The file was sent as " + declaredType + " but holds no video stream (audio only). Send it as audio/*.");
        }
        return probe;
    }

    public void requireSync(AvProbe probe) {
        long max = video.syncMaxDuration().toMillis();
        if (probe.durationMs() > max) {
            throw new MediaException("use-jobs", 413, "The media lasts " + probe.durationMs() / 1000 + " s; synchronous analysis takes up to "
                    + max / 1000 + " s. Submit it to POST /v1/emotion/jobs.");
        }
    }

    /** How far a synchronous analysis (or a chat turn) decodes: the check of {@link #requireSync}, on what is decoded. */
    public DecodeLimit syncLimit() {
        DecodeLimit any = decoder.limit();
        long max = video.syncMaxDuration().toMillis();
        return max >= any.maxMs() ? any : new DecodeLimit(max, "use-jobs", "synchronous analysis takes up to " + max / 1000
                + " s. Submit it to POST /v1/emotion/jobs.");
    }

    /** How far a job or an evaluation case decodes: {@code affectra.limits.max-duration}. */
    public DecodeLimit limit() {
        return decoder.limit();
    }
}
