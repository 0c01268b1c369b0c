package io.affectra.prompt;

import io.affectra.error.ReportedError;

/**
 * A client asked for a template (or a version of one) that is not shipped: a 404, unlike {@link PromptException},
 * which is a deployment fault.
 */
public class PromptNotFoundException extends RuntimeException implements ReportedError {

    public PromptNotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "prompt-not-found";
    }
}
