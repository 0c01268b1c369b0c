package io.affectra.api.problem;

/**
 * Tells a multipart body that could not be parsed (the client's fault) from any other I/O failure (the server's). The
 * parser reports both as a plain IOException; what differs is who threw it.
 */
final class MultipartFailure {

    private static final String PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart.";

    private MultipartFailure() {
    }

    static boolean isParserFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(PARSER_PACKAGE)) {
                    return true;
                }
            }
        }
        return false;
    }
}
