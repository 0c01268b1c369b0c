package io.affectra.media;

import io.affectra.error.ReportedError;

/** The media cannot be used; {@code type} is the stable problem type slug sent to the client. */
public class MediaException extends RuntimeException implements ReportedError {

    private final String type;
    private final int status;

    public MediaException(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return type;
    }

    @Override
    public String title() {
        return "Unusable media";
    }

    public static MediaException empty() {
        return new MediaException("empty-media", 400, "The media part is empty.");
    }

    public static MediaException unsupported(MediaKind kind) {
        return new MediaException("unsupported-media-type", 415,
                kind == MediaKind.UNKNOWN
                        ? "The bytes are not a format Affectra reads (images: JPEG, PNG, GIF, BMP; video: MP4, MOV, WebM, AVI; audio: WAV, MP3, Ogg, M4A)."
                        : "This endpoint reads images; the bytes are " + kind.mimeType() + ".");
    }

    /** An image that cannot be decoded. */
    public static MediaException corrupt(String detail) {
        return corrupt("image", detail);
    }

    /** @param what the kind of media, as the client is told: {@code image}, {@code video}, {@code audio}, {@code video or audio file} */
    public static MediaException corrupt(String what, String detail) {
        return new MediaException("corrupt-media", 422, "The " + what + " could not be decoded: " + detail);
    }

    public static MediaException tooLarge(long size, long max) {
        return new MediaException("media-too-large", 413,
                "The media is " + size + " bytes; the limit is " + max + " bytes.");
    }

    public static MediaException tooManyPixels(long width, long height, long max) {
        return new MediaException("image-too-many-pixels", 413,
                "The image header declares " + width + "x" + height + " pixels; the limit is " + max + " pixels.");
    }
}
