package io.affectra.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a template file: {@code ---} front matter of {@code key: value} lines, then {@code [system]} and {@code [user]} sections. */
final class PromptTemplateParser {

    private PromptTemplateParser() {
    }

    static PromptTemplate parse(String source, byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.UTF_8);
        String text = raw.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new PromptException(source + ": a template starts with '---' front matter");
        }
        int end = text.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new PromptException(source + ": front matter is not closed with '---'");
        }
        Map<String, String> front = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                front.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 5);
        int system = body.indexOf("[system]\n");
        int user = body.indexOf("[user]\n");
        if (system < 0 || user < 0 || user < system) {
            throw new PromptException(source + ": the body needs a [system] section followed by a [user] section");
        }
        String id = required(front, "id", source);
        int version;
        try {
            version = Integer.parseInt(required(front, "version", source));
        } catch (NumberFormatException e) {
            throw new PromptException(source + ": version must be an integer");
        }
        return new PromptTemplate(
                id,
                version,
                front.getOrDefault("description", ""),
                list(front.getOrDefault("variables", "[]")),
                front.getOrDefault("output", "text"),
                list(front.getOrDefault("labels", "[]")),
                body.substring(system + "[system]\n".length(), user).strip(),
                body.substring(user + "[user]\n".length()).strip(),
                sha256(bytes),
                raw);
    }

    private static String required(Map<String, String> front, String key, String source) {
        String value = front.get(key);
        if (value == null || value.isBlank()) {
            throw new PromptException(source + ": front matter needs '" + key + "'");
        }
        return value;
    }

    private static List<String> list(String value) {
        String inner = value.replace("[", "").replace("]", "").trim();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(String::trim).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
