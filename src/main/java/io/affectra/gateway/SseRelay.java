package io.affectra.gateway;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a backend's server-sent events on to the client as they arrive, event by event. It never waits for more than
 * the rest of an event that a network read split in two. On the way it notices the first event that carries a token
 * (time to first token), reads the usage of the usage chunk (and adds the cue-context tokens to it), and whether the
 * stream ended with {@code data: [DONE]}. Only events that mention a usage object are parsed; the others are scanned
 * as bytes and forwarded as the same buffers. One instance per stream; not thread-safe (it lives on one event loop).
 */
public final class SseRelay {

    /** What the relay noticed. */
    public interface Listener {
        void firstToken();

        void usage(UsageRewriter.Usage usage);
    }

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] TOKEN_MARKS = {
            "\"content\":\"".getBytes(StandardCharsets.US_ASCII),
            "\"content\": \"".getBytes(StandardCharsets.US_ASCII),
            "\"tool_calls\"".getBytes(StandardCharsets.US_ASCII),
            "\"reasoning_content\":\"".getBytes(StandardCharsets.US_ASCII),
            "\"refusal\":\"".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    private final long cueTokens;
    private final Listener listener;
    private Buffer pending;
    private boolean tokenSeen;
    private boolean done;

    public SseRelay(long cueTokens, Listener listener) {
        this.cueTokens = cueTokens;
        this.listener = listener;
    }

    /** The complete events in {@code chunk} (and before it), ready to write; an incomplete tail is kept for later. */
    public Buffer feed(Buffer chunk) {
        Buffer data = pending == null ? chunk : pending.appendBuffer(chunk);
        pending = null;
        byte[] bytes = data.getBytes();
        Buffer out = null;
        int copied = 0;
        int start = 0;
        int end;
        while ((end = eventEnd(bytes, start)) > 0) {
            String rewritten = inspect(bytes, start, end);
            if (rewritten != null) {
                out = out == null ? Buffer.buffer(bytes.length + 32) : out;
                out.appendBuffer(data, copied, start - copied).appendString(rewritten);
                copied = end;
            }
            start = end;
        }
        if (start < bytes.length) {
            pending = Buffer.buffer(bytes.length - start + 256).appendBytes(bytes, start, bytes.length - start);
        }
        if (out == null) {
            return start == bytes.length ? data : data.slice(0, start);
        }
        return out.appendBuffer(data, copied, start - copied);
    }

    /** What is left when the backend ends: an unterminated last event goes out as it is. */
    public Buffer finish() {
        Buffer rest = pending == null ? Buffer.buffer() : pending;
        pending = null;
        if (rest.length() > 0) {
            byte[] bytes = rest.getBytes();
            inspect(bytes, 0, bytes.length);
        }
        return rest;
    }

    /**
     * The {@code data} of each event in {@code events} (what {@link #feed} or {@link #finish} returned), in order: the
     * payload of its {@code data:} lines joined by newlines; events without data (comments, keep-alives) are left out.
     */
    public static List<String> data(Buffer events) {
        byte[] bytes = events.getBytes();
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = eventEnd(bytes, start);
            end = end < 0 ? bytes.length : end;
            StringBuilder data = null;
            for (String line : new String(bytes, start, end - start, StandardCharsets.UTF_8).split("\r?\n")) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
            if (data != null) {
                out.add(data.toString());
            }
            start = end;
        }
        return out;
    }

    /** Whether the stream ended properly with {@code data: [DONE]}. */
    public boolean done() {
        return done;
    }

    private String inspect(byte[] b, int from, int to) {
        int usage = scan(b, from, to);
        if (!done && isDone(b, from, to)) {
            done = true;
            return null;
        }
        if (usage < 0 || !objectFollows(b, usage + USAGE.length, to)) {
            return null;
        }
        int json = dataStart(b, from, to);
        if (json < 0) {
            return null;
        }
        int jsonEnd = trimEnd(b, json, to);
        UsageRewriter.Result result = UsageRewriter.rewrite(b, json, jsonEnd - json, cueTokens);
        if (result.usage() != null) {
            listener.usage(result.usage());
        }
        return result.json() == null ? null : "data: " + new String(result.json(), StandardCharsets.UTF_8) + "\n\n";
    }

    /**
     * One pass over an event, from quote to quote (every mark starts with one): reports the first token, and returns
     * where the first {@code "usage"} is (or -1). As when each mark was searched for on its own, only the first
     * occurrence of a mark counts; one ending in a quote counts when the string it opens is not empty.
     */
    private int scan(byte[] b, int from, int to) {
        int usage = -1;
        int tried = 0;
        for (int i = from; i < to && (usage < 0 || !tokenSeen); i++) {
            if (b[i] != '"') {
                continue;
            }
            if (usage < 0 && startsWith(b, i, to, USAGE)) {
                usage = i;
            }
            for (int m = 0; !tokenSeen && m < TOKEN_MARKS.length; m++) {
                byte[] mark = TOKEN_MARKS[m];
                if ((tried & (1 << m)) != 0 || !startsWith(b, i, to, mark)) {
                    continue;
                }
                tried |= 1 << m;
                int after = i + mark.length;
                if (mark[mark.length - 1] != '"' || (after < to && b[after] != '"')) {
                    tokenSeen = true;
                    listener.firstToken();
                }
            }
        }
        return usage;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        return to - at >= prefix.length && java.util.Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** {@code data: [DONE]} (the space is optional). */
    private static boolean isDone(byte[] b, int from, int to) {
        int i = from + 5;
        if (to - from < 11 || b[from] != 'd' || b[from + 4] != ':') {
            return false;
        }
        if (b[i] == ' ') {
            i++;
        }
        return i + DONE.length <= to && java.util.Arrays.equals(b, i, i + DONE.length, DONE, 0, DONE.length);
    }

    /** The index just past the blank line that ends the event starting at {@code from}, or -1. */
    static int eventEnd(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i + 2;
            }
            if (b[i] == '\n' && b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static boolean objectFollows(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == ':')) {
            i++;
        }
        return i < to && b[i] == '{';
    }

    /** Where the JSON of a single-line {@code data:} event starts, or -1. */
    private static int dataStart(byte[] b, int from, int to) {
        int at = indexOf(b, DATA, from, to);
        if (at < 0) {
            return -1;
        }
        int i = at + 5;
        while (i < to && b[i] == ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        int end = to;
        while (end > from && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ')) {
            end--;
        }
        return end;
    }

    static int indexOf(byte[] b, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
