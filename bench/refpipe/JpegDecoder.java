import java.io.ByteArrayInputStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * JPEG to BGR through javacv's FFmpeg, with the grabber set up exactly as Affectra's FfmpegJpegDecoder sets it
 * (jpeg_pipe from memory, BGR24, err_detect=explode, one decoding thread), so the decode stage does the same work.
 * What it leaves out: Affectra's header check and EXIF read through ImageIO, and the repacking into int pixels.
 */
final class JpegDecoder {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private JpegDecoder() {
    }

    static Bgr decode(byte[] jpeg) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(jpeg), 0)) {
            grabber.setFormat("jpeg_pipe");
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.setVideoOption("err_detect", "explode");
            grabber.setVideoOption("threads", "1");
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                throw new IllegalStateException("FFmpeg decoded no picture");
            }
            int w = frame.imageWidth;
            int h = frame.imageHeight;
            java.nio.ByteBuffer src = (java.nio.ByteBuffer) frame.image[0];
            byte[] out = new byte[w * h * 3];
            if (frame.imageStride == w * 3) {
                src.get(0, out, 0, out.length);
            } else {
                for (int y = 0; y < h; y++) {
                    src.get(y * frame.imageStride, out, y * w * 3, w * 3);
                }
            }
            return new Bgr(w, h, out);
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new IllegalStateException("FFmpeg could not decode the image", e);
        }
    }
}
