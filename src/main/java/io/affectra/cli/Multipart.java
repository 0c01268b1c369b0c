package io.affectra.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built part by part, for the JDK's HTTP client (which has no builder for one). */
final class Multipart {

    private static final String CRLF = "\r\n";

    private final String boundary = "affectra-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart text(String name, String contentType, String value) {
        return part("form-data; name=\"" + name + "\"", contentType, value.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String fileName, String contentType, byte[] content) {
        return part("form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "") + "\"", contentType, content);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
        body.writeBytes(("--" + boundary + CRLF + "Content-Disposition: " + disposition + CRLF + "Content-Type: " + contentType + CRLF + CRLF)
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(CRLF.getBytes(StandardCharsets.UTF_8));
        return this;
    }
}
