package io.affectra.gateway.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which remote media URLs may be fetched: none by default, because a server that fetches URLs named by its clients
 * can be made to read its own network (SSRF). An operator opens it with URL prefixes; a prefix without a path is read
 * as its whole origin ({@code https://img.example.com} allows {@code https://img.example.com/...} and not
 * {@code https://img.example.com.evil.org/}).
 *
 * <p>URLs are compared in a normal form, never as typed: the scheme and host in lower case, the port made explicit,
 * percent-encoded unreserved characters decoded ({@code %2e} is {@code .}), dot segments resolved (so
 * {@code /allowed/%2e%2e/secret} is {@code /secret}), and the path matched against the prefix's at a segment boundary
 * ({@code /allowed} does not admit {@code /allowed-evil}). Encoded slashes, backslashes and NULs, {@code ..;} path
 * parameters and user info are refused outright, since servers disagree about them. The URL that is then fetched is the
 * normal form, so the server reads the path that was checked; redirects are never followed.
 */
public final class RemoteMediaPolicy {

    /** A prefix in normal form: the path always ends with a slash, so matching is by whole segments. */
    private record Prefix(String scheme, String host, int port, String path) {

        boolean admits(URI uri) {
            return scheme.equals(uri.getScheme()) && host.equals(uri.getHost()) && port == RemoteMediaPolicy.port(uri)
                    && (uri.getRawPath() + "/").startsWith(path);
        }
    }

    private final List<Prefix> prefixes;

    public RemoteMediaPolicy(List<String> allowed) {
        List<Prefix> parsed = new ArrayList<>();
        for (String prefix : allowed) {
            String p = prefix.strip();
            if (p.isEmpty()) {
                continue;
            }
            URI uri = normalise(p).orElseThrow(() -> new IllegalArgumentException(
                    "affectra.chat.remote-media.allow: not an http(s) URL prefix (no user info, query or fragment): " + p));
            if (uri.getRawQuery() != null || p.contains("#")) {
                throw new IllegalArgumentException("affectra.chat.remote-media.allow: a prefix has no query or fragment: " + p);
            }
            String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() : uri.getRawPath() + "/";
            parsed.add(new Prefix(uri.getScheme(), uri.getHost(), port(uri), path));
        }
        this.prefixes = List.copyOf(parsed);
    }

    public boolean allows(String url) {
        return permitted(url).isPresent();
    }

    /** The URL to fetch, in normal form, when an allowed prefix admits it; empty when it must not be fetched. */
    public Optional<URI> permitted(String url) {
        if (prefixes.isEmpty() || url == null) {
            return Optional.empty();
        }
        return normalise(url).filter(uri -> prefixes.stream().anyMatch(p -> p.admits(uri)));
    }

    public boolean isOpen() {
        return !prefixes.isEmpty();
    }

    /**
     * The normal form of an http(s) URL ({@code scheme://host[:port]/path?query}: no default port, no fragment), or empty
     * when it has no safe one.
     */
    static Optional<URI> normalise(String url) {
        URI uri;
        try {
            // Non-ASCII characters become their UTF-8 escapes, so that both spellings compare equal.
            uri = new URI(new URI(url.strip()).toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            return Optional.empty();
        }
        Optional<String> path = path(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
        String authority = uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
        return Optional.of(URI.create(scheme + "://" + authority + path.get() + query));
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The path with unreserved escapes decoded and dot segments resolved, or empty when it holds an ambiguous escape. */
    private static Optional<String> path(String raw) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = raw.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = decodeUnreserved(segments[i]);
            if (segment == null) {
                return Optional.empty();
            }
            String bare = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (segment.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else if (bare.equals(".") || bare.equals("..")) {
                // "..;x" is ".." to some servers (path parameters stripped) and a name to others.
                return Optional.empty();
            } else {
                out.addLast(segment);
            }
        }
        return Optional.of("/" + String.join("/", out));
    }

    /** Decodes {@code %XX} of unreserved characters, upper-cases the other escapes; null for an encoded / \ or NUL. */
    private static String decodeUnreserved(String segment) {
        StringBuilder s = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                s.append(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            int value = Integer.parseInt(segment.substring(i + 1, i + 3), 16);
            if (value == '/' || value == '\\' || value == 0) {
                return null;
            }
            if (unreserved(value)) {
                s.append((char) value);
            } else {
                s.append('%').append(segment.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
            }
            i += 2;
        }
        return s.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
