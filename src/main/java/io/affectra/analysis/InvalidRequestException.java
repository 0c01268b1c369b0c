package io.affectra.analysis;

import io.affectra.error.ReportedError;

/** The request itself is malformed (options, transcript, missing part): 400 with a stable type. */
public class InvalidRequestException extends RuntimeException implements ReportedError {

    private final String type;

    public InvalidRequestException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid request";
    }

    @Override
    public String code() {
        return type;
    }
}
