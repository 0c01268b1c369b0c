package io.affectra.api;

import io.affectra.analysis.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart {@code transcript} part as text, never silently mangled: its bytes are decoded by their byte-order mark
 * (UTF-8, UTF-16LE, UTF-16BE), else by the charset the part's Content-Type declares, else as UTF-8, and bytes that are
 * not valid in that encoding are refused ({@code invalid-transcript}), not replaced. Quarkus hands every part over as
 * an upload, form fields included; should a part come only as the multipart reader's string (decoded by the declared
 * charset or UTF-8, invalid bytes replaced by U+FFFD), a replacement character is refused the same way.
 */
final class TranscriptPart {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final String ADVICE = " Send it as UTF-8, start it with a byte-order mark, or declare its charset in the part's"
            + " Content-Type (text/plain; charset=windows-1252).";

    private TranscriptPart() {
    }

    /**
     * @param field    the part as the multipart reader decoded it (null when absent)
     * @param file     the same part's bytes and headers, when the reader kept them
     * @param maxChars the transcript limit: a file is not read when its bytes could not hold fewer characters
     */
    static String read(String field, FileUpload file, int maxChars) {
        if (file != null && file.uploadedFile() != null) {
            if (file.size() > 4L * maxChars + 4) {
                throw new InvalidRequestException("transcript-too-long", "The transcript file has " + file.size()
                        + " bytes, more than " + maxChars + " characters can take; the limit is " + maxChars + " characters.");
            }
            try {
                return decode(Files.readAllBytes(file.uploadedFile()), file.contentType());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded transcript", e);
            }
        }
        if (field == null) {
            return null;
        }
        if (field.indexOf('\uFFFD') >= 0) {
            throw new InvalidRequestException("invalid-transcript", "The transcript holds bytes that are not text in its encoding"
                    + " (UTF-8, unless the part's Content-Type declares a charset)." + ADVICE);
        }
        return field.startsWith("\uFEFF") ? field.substring(1) : field;
    }

    static String decode(byte[] bytes, String contentType) {
        Charset charset;
        int bom = 0;
        String source;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
            source = "its byte-order mark";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
            source = "its byte-order mark";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
            source = "its byte-order mark";
        } else if (declared(contentType) != null) {
            charset = charset(declared(contentType));
            source = "the part's Content-Type";
        } else {
            charset = StandardCharsets.UTF_8;
            source = "the default, since the part declares no charset";
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidRequestException("invalid-transcript", "The transcript is not valid " + charset.name() + " (" + source
                    + "): the bytes at offset " + in.position() + " are not a character in it." + ADVICE);
        }
        return out.flip().toString();
    }

    private static String declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidRequestException("invalid-transcript", "The transcript part declares charset '" + name
                    + "', which this server does not know." + ADVICE);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(bytes, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
