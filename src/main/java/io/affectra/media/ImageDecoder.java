package io.affectra.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes uploaded images safely: sniffs the bytes, checks size and the header's pixel count before any
 * pixel is decoded (decompression bombs), refuses truncated files instead of returning half-grey
 * pictures, and subsamples very large images while decoding. A JPEG's size comes from its frame header
 * ({@link JpegSize}) and FFmpeg decodes it; ImageIO decodes the rest and says what is wrong with bad files.
 */
@ApplicationScoped
public class ImageDecoder {

    /** Longest side kept after decoding; the detector works at 256 px and crops at most at 224 px. */
    static final int MAX_DECODED_SIDE = 2048;

    private final LimitsConfig limits;

    public ImageDecoder(LimitsConfig limits) {
        this.limits = limits;
    }

    public MediaKind sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MediaSniffer.sniff(in.readNBytes(MediaSniffer.HEADER_BYTES));
        } catch (IOException e) {
            throw MediaException.corrupt("media", "the upload is unreadable");
        }
    }

    /** Checks the size before reading anything, then decodes as {@link #decode(byte[])} does (one read of the file). */
    public DecodedImage decode(Path file) {
        return decode(read(file));
    }

    /** An image file's bytes, its size checked before anything is read. */
    public byte[] read(Path file) {
        long size = sizeOf(file);
        if (size == 0) {
            throw MediaException.empty();
        }
        if (size > limits.maxMediaBytes()) {
            throw MediaException.tooLarge(size, limits.maxMediaBytes());
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw MediaException.corrupt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The same checks and decoding for bytes already in memory (e.g. a chat message's {@code data:} URI). */
    public DecodedImage decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw MediaException.empty();
        }
        if (bytes.length > limits.maxMediaBytes()) {
            throw MediaException.tooLarge(bytes.length, limits.maxMediaBytes());
        }
        MediaKind kind = MediaSniffer.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, MediaSniffer.HEADER_BYTES)));
        if (!kind.isImage() || kind == MediaKind.WEBP) {
            throw MediaException.unsupported(kind);
        }
        return decode(bytes, kind);
    }

    private DecodedImage decode(byte[] bytes, MediaKind kind) {
        Optional<JpegSize> jpegSize = kind == MediaKind.JPEG ? JpegSize.read(bytes) : Optional.empty();
        if (jpegSize.isPresent()) {
            Optional<DecodedImage> fast = viaFfmpeg(bytes, jpegSize.get());
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw MediaException.unsupported(kind);
            }
            ImageReader reader = readers.next();
            try {
                return read(reader, in, kind, bytes, jpegSize.isEmpty());
            } finally {
                reader.dispose();
            }
        } catch (MediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw MediaException.corrupt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * A JPEG whose frame header gave its size: the size checked, then decoded by FFmpeg. Empty where ImageIO must decode
     * it: a photograph too large to keep whole (ImageIO subsamples while decoding), or bytes FFmpeg declined.
     */
    private Optional<DecodedImage> viaFfmpeg(byte[] bytes, JpegSize size) {
        long width = size.width();
        long height = size.height();
        if (width * height > limits.maxImagePixels()) {
            throw MediaException.tooManyPixels(width, height, limits.maxImagePixels());
        }
        if (Math.max(width, height) > MAX_DECODED_SIDE) {
            return Optional.empty();
        }
        int orientation = ExifOrientation.read(bytes);
        return FfmpegJpegDecoder.decode(bytes).filter(p -> p.width() == width && p.height() == height)
                .map(p -> upright(MediaKind.JPEG, width, height, p, orientation));
    }

    /** @param tryFfmpeg whether a JPEG kept whole may still go to FFmpeg (not when {@link #viaFfmpeg} tried it already) */
    private DecodedImage read(ImageReader reader, ImageInputStream in, MediaKind kind, byte[] bytes, boolean tryFfmpeg) throws IOException {
        int orientation = kind == MediaKind.JPEG ? ExifOrientation.read(in) : ExifOrientation.UPRIGHT;
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw MediaException.corrupt("the header declares no pixels");
        }
        if (width * height > limits.maxImagePixels()) {
            throw MediaException.tooManyPixels(width, height, limits.maxImagePixels());
        }
        int step = (int) Math.ceil(Math.max(width, height) / (double) MAX_DECODED_SIDE);
        if (kind == MediaKind.JPEG && step == 1 && tryFfmpeg) {
            // The header is checked; FFmpeg decodes the pixels (fast), or declines and ImageIO says what is wrong.
            var fast = FfmpegJpegDecoder.decode(bytes).filter(p -> p.width() == width && p.height() == height);
            if (fast.isPresent()) {
                return upright(kind, width, height, fast.get(), orientation);
            }
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        AtomicReference<String> warning = new AtomicReference<>();
        reader.addIIOReadWarningListener(new IIOReadWarningListener() {
            @Override
            public void warningOccurred(ImageReader source, String message) {
                warning.compareAndSet(null, message);
            }
        });
        BufferedImage image = reader.read(0, param);
        if (warning.get() != null) {
            // The JPEG reader reports a premature end of data as a warning and fills the rest grey.
            throw MediaException.corrupt(warning.get());
        }
        return upright(kind, width, height, toRgb(image), orientation);
    }

    /** The decoded pixels turned as the EXIF orientation says; sizes and scale are then those of the upright image. */
    private static DecodedImage upright(MediaKind kind, long width, long height, RgbImage decoded, int orientation) {
        RgbImage pixels = ExifOrientation.apply(decoded, orientation);
        double scale = (ExifOrientation.transposes(orientation) ? height : width) / (double) pixels.width();
        return ExifOrientation.transposes(orientation)
                ? new DecodedImage(kind, (int) height, (int) width, pixels, scale)
                : new DecodedImage(kind, (int) width, (int) height, pixels, scale);
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            // Fast path for the common JPEG case: read the raster directly instead of per-pixel colour conversion.
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, p = 0; i < out.length; i++, p += 3) {
                out[i] = ((bgr[p + 2] & 0xFF) << 16) | ((bgr[p + 1] & 0xFF) << 8) | (bgr[p] & 0xFF);
            }
        } else {
            image.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
        return new RgbImage(w, h, out);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw MediaException.corrupt("unreadable upload");
        }
    }
}
