package io.affectra.media;

/**
 * What a video or audio container declares before any frame is decoded.
 *
 * @param durationMs from the container header (what limits are checked against)
 */
public record AvProbe(String format, boolean hasVideo, boolean hasAudio, long durationMs, int width, int height,
        double frameRate, String videoCodec, String audioCodec, int sampleRate, int channels) {

    /**
     * The media type to report: the family from what the streams are (an M4A is audio, not video), the subtype from
     * the sniffed container, since FFmpeg names its demuxers ({@code mov,mp4,m4a,3gp,3g2,mj2}) rather than types.
     */
    public String mimeType(MediaKind sniffed) {
        String subtype = switch (sniffed) {
            case MP4 -> "mp4";
            case WEBM -> "webm";
            case AVI -> "x-msvideo";
            case WAV -> "wav";
            case MP3 -> "mpeg";
            case OGG -> "ogg";
            default -> format == null || format.isBlank() ? "octet-stream" : format.split(",")[0];
        };
        return (hasVideo ? "video/" : "audio/") + subtype;
    }
}
