package io.affectra.media;

/**
 * How far decoding may go on the media's time line. A container header can understate the duration (an 11-minute
 * clip whose header says 1 s), so a duration limit checked on the header is enforced again on what is decoded: the
 * decoder stops {@link #MARGIN_MS} past {@code maxMs} and the media is refused as {@code type}.
 *
 * @param advice what the client can do, appended to the problem's detail
 */
public record DecodeLimit(long maxMs, String type, String advice) {

    /**
     * Slack past the limit for media whose header is honest: the last audio packet or frame may end a little after the
     * declared duration (encoder padding), which is no reason to refuse a clip that declared exactly the limit.
     */
    public static final long MARGIN_MS = 2_000;

    /** The decoded timestamp from which the media is refused. */
    public long stopAtMs() {
        return maxMs + MARGIN_MS;
    }

    /** @param declaredMs the duration the container's header declared */
    public MediaException exceeded(long declaredMs) {
        return new MediaException(type, 413, "The media runs past " + stopAtMs() / 1000 + " s when decoded, although its header declares "
                + declaredMs / 1000 + " s; " + advice);
    }
}
