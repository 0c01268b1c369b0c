package io.affectra.evidence;

import io.affectra.media.MediaKind;

/**
 * What the media is, as read.
 *
 * @param format     the sniffed kind's name ({@code JPEG}, {@code MP4}), or the demuxer's first name where sniffing
 *                   does not know it
 * @param durationMs clips: the time line's length (the decoded one where the media ran past its header); null for a still
 * @param hasVideo   clips: whether pictures were read; null for a still
 * @param hasAudio   clips: whether sound was read; null for a still
 */
public record MediaInfo(MediaKind kind, String mimeType, String format, int width, int height, Long durationMs, Boolean hasVideo,
        Boolean hasAudio) {

    public boolean still() {
        return durationMs == null;
    }
}
