package io.affectra.gateway.media;

import io.affectra.error.RequestRejected;

/**
 * A media part cannot be used; the client is told why, where ({@code param}) and with which status (400 or 413).
 *
 * @see io.affectra.gateway.media.MediaLoader
 */
public class MediaRejected extends RequestRejected {

    public MediaRejected(int status, String code, String param, String message) {
        super(status, code, param, message);
    }
}
