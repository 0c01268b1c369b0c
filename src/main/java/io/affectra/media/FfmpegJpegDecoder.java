package io.affectra.media;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * JPEG decoding through FFmpeg's SIMD decoder, already shipped for video: about 9 ms for a 1920 x 1448 photograph
 * where the JDK's ImageIO reader takes about 50 ms, and decoding was the largest stage of an image analysis. The
 * colours match ImageIO's to within one level per channel on average. Strict: any decoding error (a truncated file,
 * noise in the scan) gives nothing, and the caller goes the slow way, whose reader says precisely what is wrong.
 */
final class FfmpegJpegDecoder {

    static {
        // Bad uploads are expected; FFmpeg's own complaints about them are not worth more than an error line.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private FfmpegJpegDecoder() {
    }

    /** The pixels, or empty when FFmpeg finds anything wrong with the bytes. */
    static Optional<RgbImage> decode(byte[] jpeg) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(jpeg), 0)) {
            grabber.setFormat("jpeg_pipe");
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
            // "explode": stop at the first bitstream error instead of concealing it with grey blocks.
            grabber.setVideoOption("err_detect", "explode");
            grabber.setVideoOption("threads", "1");
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null || frame.imageWidth <= 0 || frame.imageHeight <= 0) {
                return Optional.empty();
            }
            return Optional.of(BgraFrames.toRgb(frame));
        } catch (Exception | LinkageError e) {
            // Native libraries missing on an unusual platform, or a file FFmpeg will not read: ImageIO decides.
            return Optional.empty();
        }
    }
}
