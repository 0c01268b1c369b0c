package io.affectra.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local baseline's check of a claim (a knowledge question) against one fact, by typed token swaps; word classes
 * are data ({@code reasoning/knowledge/claim-check.json}, whose description states the rule). Deterministic and
 * thread-safe. Not an LLM and not entailment: it catches claims that name a different entity, number, direction or
 * scope than the fact, and lets paraphrase through.
 */
public final class ClaimChecker {

    public static final String RESOURCE = "reasoning/knowledge/claim-check.json";

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*|\\d+(?:\\.\\d+)?");
    private static final Pattern AU = Pattern.compile("(?i)\\bAU\\s?(\\d{1,2})\\b|\\baction units?\\s+(\\d{1,2})\\b");
    private static final int STEM = 5;

    /** A word class that can make a claim different from a fact. */
    public enum Kind {
        NUMBER, NAME, ACTION_UNIT, EMOTION, BODY_PART, ANTONYM, NEGATOR
    }

    /** One reason the claim differs from the fact. */
    public record Conflict(Kind kind, String claimWord, List<String> factWords) {

        public String describe() {
            String kind = kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return factWords.isEmpty()
                    ? "'" + claimWord + "' (" + kind + ") is not in the fact"
                    : "'" + claimWord + "' (" + kind + ") where the fact says " + String.join(", ", factWords.stream().map(w -> "'" + w + "'").toList());
        }
    }

    private record Token(String norm, String stem, Kind kind) {
    }

    private final String version;
    private final Set<String> stopwords;
    private final Set<String> sentenceWords;
    private final Map<String, String> numbers;
    private final Set<String> emotions;
    private final Set<String> bodyParts;
    private final Map<String, Set<String>> antonyms;
    private final Set<String> negators;

    public ClaimChecker() {
        this(load());
    }

    ClaimChecker(JsonNode root) {
        version = root.path("version").asText();
        stopwords = words(root.path("stopwords"));
        sentenceWords = new HashSet<>();
        root.path("sentenceWords").forEach(w -> sentenceWords.add(w.asText()));
        numbers = new HashMap<>();
        root.path("numbers").properties().forEach(e -> numbers.put(e.getKey(), number(e.getValue().asDouble())));
        emotions = words(root.path("emotions"));
        bodyParts = words(root.path("bodyParts"));
        antonyms = new HashMap<>();
        root.path("antonyms").forEach(pair -> {
            String a = pair.get(0).asText();
            String b = pair.get(1).asText();
            antonyms.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            antonyms.computeIfAbsent(b, k -> new HashSet<>()).add(a);
        });
        negators = words(root.path("negators"));
    }

    private static JsonNode load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    /** What in the claim the fact does not back; empty when nothing typed differs (the claim is consistent with it). */
    public List<Conflict> conflicts(String claim, String fact) {
        List<Token> claimTokens = tokens(claim);
        List<Token> factTokens = tokens(fact);
        Set<String> factNorms = new HashSet<>();
        Set<String> factStems = new HashSet<>();
        factTokens.forEach(t -> {
            factNorms.add(t.norm());
            factStems.add(t.stem());
        });
        Set<String> claimNorms = new HashSet<>();
        Set<String> claimStems = new HashSet<>();
        claimTokens.forEach(t -> {
            claimNorms.add(t.norm());
            claimStems.add(t.stem());
        });
        List<Conflict> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Token t : claimTokens) {
            if (t.kind() == null || factNorms.contains(t.norm()) || factStems.contains(t.stem()) || !reported.add(t.norm())) {
                continue;
            }
            switch (t.kind()) {
                case ANTONYM -> {
                    List<String> opposite = antonyms.getOrDefault(t.norm(), Set.of()).stream()
                            .filter(factNorms::contains).filter(o -> !claimNorms.contains(o)).sorted().toList();
                    if (!opposite.isEmpty()) {
                        out.add(new Conflict(Kind.ANTONYM, t.norm(), opposite));
                    }
                }
                case NEGATOR -> out.add(new Conflict(Kind.NEGATOR, t.norm(), List.of()));
                default -> {
                    LinkedHashSet<String> counterparts = new LinkedHashSet<>();
                    factTokens.stream()
                            .filter(f -> f.kind() == t.kind() && !claimNorms.contains(f.norm()) && !claimStems.contains(f.stem()))
                            .forEach(f -> counterparts.add(f.norm()));
                    out.add(new Conflict(t.kind(), t.norm(), List.copyOf(counterparts)));
                }
            }
        }
        return out;
    }

    private List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher au = AU.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (au.find()) {
            String code = au.group(1) != null ? au.group(1) : au.group(2);
            out.add(new Token("au" + Integer.parseInt(code), "au" + Integer.parseInt(code), Kind.ACTION_UNIT));
            rest.append(text, last, au.start()).append(' ');
            last = au.end();
        }
        rest.append(text.substring(last));
        Matcher m = WORD.matcher(rest);
        boolean sentenceStart = true;
        int previousEnd = 0;
        while (m.find()) {
            String between = rest.substring(previousEnd, m.start());
            if (between.matches(".*[.?!:;]\\s*.*")) {
                sentenceStart = true;
            }
            previousEnd = m.end();
            String raw = m.group().replaceAll("(?i)'s$", "").replaceAll("'+$", "");
            boolean first = sentenceStart;
            sentenceStart = false;
            if (raw.isEmpty()) {
                continue;
            }
            String lower = raw.toLowerCase(Locale.ROOT);
            if (stopwords.contains(lower)) {
                continue;
            }
            String norm = numbers.getOrDefault(lower, lower);
            Kind kind = kind(raw, lower, norm, first);
            out.add(new Token(norm, norm.length() >= STEM && kind != Kind.NUMBER ? norm.substring(0, STEM) : norm, kind));
        }
        return out;
    }

    private Kind kind(String raw, String lower, String norm, boolean sentenceStart) {
        if (norm.matches("\\d+(\\.\\d+)?")) {
            return Kind.NUMBER;
        }
        if (negators.contains(lower)) {
            return Kind.NEGATOR;
        }
        if (emotions.contains(lower)) {
            return Kind.EMOTION;
        }
        if (bodyParts.contains(lower)) {
            return Kind.BODY_PART;
        }
        if (antonyms.containsKey(lower)) {
            return Kind.ANTONYM;
        }
        if (Character.isUpperCase(raw.charAt(0)) && !(sentenceStart && sentenceWords.contains(raw)) && !sentenceWords.contains(raw)) {
            return Kind.NAME;
        }
        return null;
    }

    private static Set<String> words(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(w -> out.add(w.asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
