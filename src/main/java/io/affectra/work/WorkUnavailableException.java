package io.affectra.work;

/** The broker cannot take work now (down, or reconnecting); what was not confirmed is enqueued again later. */
public class WorkUnavailableException extends RuntimeException {

    public WorkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
