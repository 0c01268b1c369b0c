package io.affectra.api;

/**
 * The one form of a request path that every later decision (API keys, rate limits, upload limits, routing) may
 * assume. A path is canonical when it starts with {@code /} and has no empty segment ({@code //}), no dot segment
 * ({@code .}, {@code ..}, also percent-encoded or behind an encoded slash), no matrix parameter ({@code ;}), no
 * backslash (also encoded), no percent-encoded character that needs no encoding (RFC 3986's unreserved letters, digits and
 * {@code -._~}: {@code /%761} is {@code /v1}) and no malformed escape. Routers normalise such paths each their own
 * way; refusing them means that what a filter checks is what a router routes. An encoded slash itself is kept: the
 * OpenAI SDKs encode a model id's slash.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why {@code rawPath} is not canonical, or {@code null} when it is. */
    public static String problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "the path must start with '/'";
        }
        if (plain(rawPath)) {
            return null;
        }
        int segmentStart = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            if (i == rawPath.length() || rawPath.charAt(i) == '/') {
                String segment = rawPath.substring(segmentStart, i);
                String why = segmentProblem(segment, i == rawPath.length());
                if (why != null) {
                    return why;
                }
                segmentStart = i + 1;
            }
        }
        return null;
    }

    private static String segmentProblem(String segment, boolean last) {
        if (segment.isEmpty()) {
            // One trailing slash ("/v1/models/") is an ordinary path; an empty segment inside ("//v1") is not.
            return last ? null : "empty path segment ('//')";
        }
        StringBuilder decoded = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == ';') {
                return "matrix parameters (';') are not accepted";
            }
            if (c == '\\') {
                return "backslash in the path";
            }
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                return "malformed percent-encoding";
            }
            int hi = Character.digit(segment.charAt(i + 1), 16);
            int lo = Character.digit(segment.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return "malformed percent-encoding";
            }
            char value = (char) (hi * 16 + lo);
            if (value == '\\') {
                return "percent-encoded backslash";
            }
            if (value == '/') {
                // Kept encoded (an SDK sends model "vllm/Qwen" as vllm%2FQwen), but it must not hide a dot segment.
                decoded.append('/');
                i += 2;
                continue;
            }
            if (unreserved(value)) {
                return "percent-encoded '" + value + "' (send it as it is)";
            }
            decoded.append('%');
            i += 2;
        }
        for (String piece : decoded.toString().split("/", -1)) {
            if (piece.equals(".") || piece.equals("..")) {
                return "dot segment ('" + segment + "')";
            }
        }
        return null;
    }

    /**
     * The common case, decided in one pass without decoding: letters, digits, {@code -_~} and single slashes only. No
     * dot, percent sign, semicolon or backslash can hide a problem in such a path, and no {@code //} means no empty
     * segment.
     */
    private static boolean plain(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~'
                    || (c == '/' && previous != '/');
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
