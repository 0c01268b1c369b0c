package io.affectra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** One request written byte for byte over a socket (HTTP clients refuse to send some malformed requests), one response read until close. */
public final class RawHttp {

    /** Status, head and body of the response. */
    public record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    public static Reply exchange(URL base, byte[] request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? text : text.substring(0, headEnd);
            return new Reply(head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1, head,
                    headEnd < 0 ? "" : text.substring(headEnd + 4));
        }
    }

    /** A POST with a Content-Length that matches the bytes sent and {@code Connection: close}. */
    public static Reply post(URL base, String path, String contentType, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return exchange(base, request.toByteArray());
    }
}
