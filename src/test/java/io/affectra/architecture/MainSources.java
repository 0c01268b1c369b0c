package io.affectra.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The main Java sources read as plain text: which Affectra class names which other Affectra type. */
final class MainSources {

    static final Path ROOT = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.affectra\\.([a-z0-9_.]+);", Pattern.MULTILINE);
    /** A qualified type name: lowercase package segments, then the first capitalised one (nested types name their outer type). */
    private static final Pattern TYPE = Pattern.compile("\\bio\\.affectra\\.((?:[a-z][a-z0-9_]*\\.)*[a-z][a-z0-9_]*)\\.([A-Z]\\w*)");
    private static final Pattern WILDCARD = Pattern.compile("^import (?:static )?io\\.affectra\\.([a-z0-9_.]+)\\.\\*;", Pattern.MULTILINE);

    /** One file of package {@code from} (relative to io.affectra) naming a type of package {@code to}. */
    record Reference(String from, String fromClass, String to, String toClass) {

        /** {@code config.HttpLimitDefaults -> media.LimitsConfig}. */
        String describe() {
            return from + "." + fromClass + " -> " + to + "." + toClass;
        }
    }

    record Source(Path path, String packageName, String className, String text) {
    }

    private MainSources() {
    }

    static List<Source> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Source> out = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find()) {
                    String name = file.getFileName().toString();
                    out.add(new Source(file, pkg.group(1), name.substring(0, name.length() - ".java".length()), text));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every reference to another Affectra package: imports (plain, static, wildcard) and qualified names in code or
     * Javadoc alike, since each ties the file to that package.
     */
    static List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        for (Source source : all()) {
            String body = PACKAGE.matcher(source.text()).replaceFirst("");
            Matcher type = TYPE.matcher(body);
            while (type.find()) {
                add(out, source, type.group(1), type.group(2));
            }
            Matcher wildcard = WILDCARD.matcher(body);
            while (wildcard.find()) {
                add(out, source, wildcard.group(1), "*");
            }
        }
        return out;
    }

    private static void add(List<Reference> out, Source source, String to, String toClass) {
        if (!to.equals(source.packageName())) {
            out.add(new Reference(source.packageName(), source.className(), to, toClass));
        }
    }
}
