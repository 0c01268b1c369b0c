package io.affectra.eval;

import io.affectra.error.ReportedError;

/** The dataset cannot be run: malformed JSONL, a missing field, media that does not exist. A 400 naming the line. */
public class InvalidDatasetException extends RuntimeException implements ReportedError {

    public InvalidDatasetException(String message) {
        super(message);
    }

    public static InvalidDatasetException at(int line, String message) {
        return new InvalidDatasetException("line " + line + ": " + message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid dataset";
    }


    @Override
    public String code() {
        return "invalid-dataset";
    }
}
