package io.affectra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a request whose body is {@code Transfer-Encoding: chunked} (no Content-Length, so nothing can be refused from a
 * header) over a raw socket: a prefix, then filler until {@code total} bytes or until the server stops taking them. The
 * response is read while the body is still being written, as a client sees a server that answers early.
 */
public final class ChunkedSender {

    /** What came back, and how much of the body the server had taken by then. */
    public record Result(int status, String head, String body, long bytesSent, boolean wholeBodySent, long sentWhenAnswered) {
    }

    private static final int CHUNK = 64 * 1024;

    private ChunkedSender() {
    }

    public static Result send(URL base, String method, String path, String headers, byte[] prefix, long total) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> writeBody(out, prefix, total, sent));
            InputStream in = socket.getInputStream();
            int first = in.read();
            long answeredAt = sent.get();
            String response = (first < 0 ? "" : String.valueOf((char) first)) + readResponse(in);
            boolean whole = writer.get();
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Result(status, head, body, sent.get(), whole, answeredAt);
        }
    }

    private static boolean writeBody(OutputStream out, byte[] prefix, long total, AtomicLong sent) {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, (byte) 'a');
        try {
            writeChunk(out, prefix, prefix.length);
            sent.addAndGet(prefix.length);
            while (sent.get() < total) {
                int n = (int) Math.min(CHUNK, total - sent.get());
                writeChunk(out, filler, n);
                sent.addAndGet(n);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Until the server closes, or one response with a Content-Length is complete. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            all.write(buf, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                String lower = text.substring(0, headEnd).toLowerCase();
                int at = lower.indexOf("content-length:");
                if (at >= 0) {
                    int eol = lower.indexOf("\r\n", at);
                    int length = Integer.parseInt(lower.substring(at + 15, eol < 0 ? lower.length() : eol).trim());
                    if (all.size() >= headEnd + 4 + length) {
                        break;
                    }
                }
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
