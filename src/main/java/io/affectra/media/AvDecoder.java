package io.affectra.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Video and audio decoding in-process with FFmpeg (JavaCV). Everything streams through the file: frames
 * are sampled at a fixed rate and handed on one at a time; audio is resampled by FFmpeg to 16 kHz mono
 * float and handed on in chunks. Limits are checked against the container header before decoding, and the duration limit
 * again on the decoded timestamps ({@link DecodeLimit}), since a header can understate the duration.
 */
@ApplicationScoped
public class AvDecoder {

    static {
        // FFmpeg logs to stderr by default; keep it quiet unless something is wrong.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
    }

    public static final int SAMPLE_RATE = 16_000;

    /** What a problem calls the file before its streams are known. */
    private static final String AV = "video or audio file";

    private final LimitsConfig limits;

    public AvDecoder(LimitsConfig limits) {
        this.limits = limits;
    }

    /** What decoding may reach anywhere: {@code affectra.limits.max-duration}. */
    public DecodeLimit limit() {
        return new DecodeLimit(limits.maxDuration().toMillis(), "media-too-long",
                "the limit is " + limits.maxDuration().toSeconds() + " s (affectra.limits.max-duration).");
    }

    /** Opens the container, reads its header and checks the limits; nothing is decoded. */
    public AvProbe probe(Path file) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            start(grabber);
            AvProbe probe = new AvProbe(grabber.getFormat(), grabber.hasVideo(), grabber.hasAudio(),
                    Math.max(0, grabber.getLengthInTime() / 1000), grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getFrameRate(), grabber.hasVideo() ? grabber.getVideoCodecName() : null,
                    grabber.hasAudio() ? grabber.getAudioCodecName() : null, grabber.getSampleRate(), grabber.getAudioChannels());
            check(probe);
            return probe;
        } catch (FrameGrabber.Exception e) {
            throw MediaException.corrupt(AV, "the container could not be read");
        }
    }

    private void check(AvProbe probe) {
        if (!probe.hasVideo() && !probe.hasAudio()) {
            throw MediaException.corrupt(AV, "the container holds neither video nor audio");
        }
        if (probe.durationMs() > limits.maxDuration().toMillis()) {
            throw new MediaException("media-too-long", 413, "The media declares " + probe.durationMs() / 1000 + " s; the limit is "
                    + limits.maxDuration().toSeconds() + " s.");
        }
        long pixels = (long) probe.width() * probe.height();
        if (probe.hasVideo() && pixels > limits.maxVideoPixels()) {
            throw new MediaException("video-frame-too-large", 413, "The video declares " + probe.width() + "x" + probe.height()
                    + " frames; the limit is " + limits.maxVideoPixels() + " pixels per frame.");
        }
    }

    public int sampleFrames(Path file, double fps, Consumer<VideoFrame> sink) {
        return sampleFrames(file, fps, limit(), sink);
    }

    /**
     * Decodes the video and hands on one frame every {@code 1/fps} seconds, in order.
     *
     * @return the number of frames handed on
     * @throws MediaException {@code limit}'s problem when a frame lies past it
     */
    public int sampleFrames(Path file, double fps, DecodeLimit limit, Consumer<VideoFrame> sink) {
        long stepUs = Math.round(1_000_000 / fps);
        long stopUs = limit.stopAtMs() * 1000;
        int count = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
            start(grabber);
            // Half a source frame of slack, so that 25 fps timestamps (40 ms apart) hit a 200 ms grid.
            double sourceFps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
            long slackUs = Math.min(stepUs / 2, Math.round(500_000 / sourceFps));
            long frameUs = Math.round(1_000_000 / sourceFps);
            long next = 0;
            long previous = -frameUs;
            long gap = frameUs;
            Frame frame;
            // Converting a frame to BGRA costs about as much as decoding it: only frames expected to be sampled are
            // converted. The expected time errs late (the larger of the nominal and the last observed gap, for
            // variable frame rates), and a frame that arrives earlier than expected is not taken; the next one is.
            while ((frame = grabImage(grabber, previous + gap + slackUs >= next)) != null) {
                if (frame.timestamp > stopUs) {
                    throw limit.exceeded(declaredMs(grabber));
                }
                if (frame.image == null) {
                    continue;
                }
                boolean converted = previous + gap + slackUs >= next;
                gap = Math.max(frameUs, frame.timestamp - previous);
                previous = frame.timestamp;
                if (frame.timestamp + slackUs < next || !converted) {
                    continue;
                }
                sink.accept(new VideoFrame(frame.timestamp / 1000, BgraFrames.toRgb(frame)));
                count++;
                while (next <= frame.timestamp + slackUs) {
                    next += stepUs;
                }
            }
            return count;
        } catch (FrameGrabber.Exception e) {
            throw MediaException.corrupt("video", "its video stream is unreadable");
        }
    }

    /**
     * {@link #sampleFrames} with decoding on its own thread, a few frames ahead of {@code sink}, so that
     * decoding overlaps with the encoders instead of waiting for them. Frames arrive in order on the
     * caller's thread; a failure on either side stops both.
     */
    public int sampleFramesAhead(Path file, double fps, DecodeLimit limit, Consumer<VideoFrame> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(FRAMES_AHEAD);
        Object end = new Object();
        Thread producer = Thread.ofPlatform().name("affectra-decode").daemon().start(() -> {
            try {
                sampleFrames(file, fps, limit, frame -> offer(queue, frame));
                offer(queue, end);
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    offer(queue, e);
                }
            }
        });
        int count = 0;
        boolean finished = false;
        try {
            while (true) {
                Object item = queue.take();
                if (item == end) {
                    finished = true;
                    return count;
                }
                if (item instanceof RuntimeException e) {
                    finished = true;
                    throw e;
                }
                sink.accept((VideoFrame) item);
                count++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } finally {
            if (!finished) {
                producer.interrupt();
            }
        }
    }

    /** Frames decoded ahead of the encoders: enough to hide decoding, few enough to keep memory flat. */
    static final int FRAMES_AHEAD = 3;

    private static void offer(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("decoding cancelled", e);
        }
    }

    public int sampleFramesAhead(Path file, double fps, Consumer<VideoFrame> sink) {
        return sampleFramesAhead(file, fps, limit(), sink);
    }

    public long streamAudio(Path file, Consumer<float[]> sink) {
        return streamAudio(file, limit(), sink);
    }

    /**
     * Decodes the audio track resampled to 16 kHz mono float in [-1, 1] and hands it on in chunks.
     *
     * @return the number of samples handed on
     * @throws MediaException {@code limit}'s problem when the samples run past it
     */
    public long streamAudio(Path file, DecodeLimit limit, Consumer<float[]> sink) {
        long maxSamples = limit.stopAtMs() * SAMPLE_RATE / 1000;
        long total = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleRate(SAMPLE_RATE);
            grabber.setAudioChannels(1);
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            start(grabber);
            if (!grabber.hasAudio()) {
                return 0;
            }
            Frame frame;
            while ((frame = grabSamples(grabber)) != null) {
                if (frame.samples == null || frame.samples.length == 0) {
                    continue;
                }
                FloatBuffer buffer = (FloatBuffer) frame.samples[0];
                float[] chunk = new float[buffer.remaining()];
                buffer.get(chunk);
                total += chunk.length;
                if (total > maxSamples) {
                    throw limit.exceeded(declaredMs(grabber));
                }
                sink.accept(chunk);
            }
            return total;
        } catch (FrameGrabber.Exception e) {
            throw MediaException.corrupt("audio", "its audio stream is unreadable");
        }
    }

    private static long declaredMs(FFmpegFrameGrabber grabber) {
        return Math.max(0, grabber.getLengthInTime() / 1000);
    }

    private static void start(FFmpegFrameGrabber grabber) throws FrameGrabber.Exception {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw MediaException.corrupt(AV, "not a video or audio container FFmpeg can open");
        }
    }

    /** @param convert whether the picture is converted to BGR (otherwise only its timestamp is meaningful) */
    private static Frame grabImage(FFmpegFrameGrabber grabber, boolean convert) {
        try {
            return grabber.grabFrame(false, true, convert, false, false);
        } catch (FrameGrabber.Exception e) {
            // A damaged packet mid-stream ends the stream here; what was decoded so far stands.
            return null;
        }
    }

    private static Frame grabSamples(FFmpegFrameGrabber grabber) {
        try {
            return grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            return null;
        }
    }
}
