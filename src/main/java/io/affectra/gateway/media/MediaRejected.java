package io.affectra.gateway.media;

import io.affectra.error.ReportedError;

/**
 * A media part cannot be used; the client is told why, where ({@code param}) and with which status (400 or 413).
 *
 * @see io.affectra.gateway.media.MediaLoader
 */
public class MediaRejected extends RuntimeException implements ReportedError {

    private final int status;
    private final String code;
    private final String param;

    public MediaRejected(int status, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String param() {
        return param;
    }
}
