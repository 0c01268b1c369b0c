package io.affectra.error;

/** A part of a request cannot be served: the client is told why, where ({@code param}) and with which status. */
public class RequestRejected extends RuntimeException implements ReportedError {

    private final int status;
    private final String code;
    private final String param;

    public RequestRejected(int status, String code, String param, String message) {
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
