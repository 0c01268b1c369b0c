package io.affectra.llm.local;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local baseline's reading of simple perception questions about faces, answered from the measured cues alone.
 * It understands a small grammar and says so when a question is outside it (the caller then answers "cannot tell",
 * which benchmarks count as unparseable):
 * <ul>
 * <li>counts: "Are there (exactly) three faces/people ...?", "Does the photo show four people?";</li>
 * <li>who: "the person on the left/right", "the leftmost/rightmost person", "the person in the middle", "the second
 * person from the left", "person 2"; or a quantifier: anyone, everyone / all (of the) N people, nobody / no one, most
 * of them, "two of the three people";</li>
 * <li>what: smiling (expression happiness, or lip-corner pull &gt;= 0.5), laughing (happiness with the mouth open),
 * frowning (brow lowering, or expression anger), mouth open, "look(s) happy/sad/angry/surprised/afraid/disgusted",
 * "a neutral expression".</li>
 * </ul>
 * Comparatives ("more broadly than") and intensity adverbs ("slightly", "wide open") are outside the grammar: the cues
 * would support them only with thresholds nobody calibrated. Faces are F1, F2, ... left to right.
 */
public final class PerceptionRules {

    /** How strong a lip-corner pull must be to count as a smile without a happiness label. */
    static final double SMILE_AU = 0.5;

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1));
    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4, "fifth", 5, "sixth", 6);
    private static final Map<String, String> LOOKS = Map.ofEntries(Map.entry("happy", "happiness"), Map.entry("sad", "sadness"),
            Map.entry("angry", "anger"), Map.entry("surprised", "surprise"), Map.entry("afraid", "fear"), Map.entry("scared", "fear"),
            Map.entry("fearful", "fear"), Map.entry("terrified", "fear"), Map.entry("disgusted", "disgust"), Map.entry("neutral", "neutral"));

    private static final String NUM = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|single)";
    private static final String WHO = "(?:faces?|people|persons?|women|woman|men|man|individuals?)";
    private static final Pattern COUNT = Pattern.compile("\\b(?:are there|is there|does (?:the|this) (?:photo|image|picture) (?:show|contain)"
            + "|do you see|can you see|are)\\s+(exactly |only |just |at least |more than |fewer than |less than )?" + NUM + "\\s+" + WHO + "\\b");
    private static final Pattern OUTSIDE = Pattern.compile("\\bthan\\b|\\bslightly\\b|\\bfaint(ly)?\\b|\\bbroad(ly)?\\b|\\bwide\\b|\\bat most\\b|\\ba little\\b|\\brather\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(first|second|third|fourth|fifth|sixth|\\d)(?:st|nd|rd|th)?\\s+(?:person|woman|man|face|one)"
            + "(?:\\s+from\\s+the\\s+(left|right))?");
    private static final Pattern NUMBERED = Pattern.compile("\\bperson\\s+(\\d+)\\b");
    private static final Pattern SIDE = Pattern.compile("\\b(?:person|woman|man|face|one)\\s+on\\s+the\\s+(?:far\\s+)?(left|right)\\b|\\b(leftmost|rightmost)\\b");
    private static final Pattern MIDDLE = Pattern.compile("\\b(?:person|woman|man|face|one)\\s+in\\s+the\\s+middle\\b|\\bmiddle\\s+(?:person|woman|man|face|one)\\b");
    private static final Pattern ANY = Pattern.compile("\\b(anyone|anybody|someone|somebody|any of them|any of the " + WHO + "|any " + WHO + ")\\b");
    private static final Pattern NONE = Pattern.compile("\\b(nobody|no one|none of them|none of the " + WHO + ")\\b");
    private static final Pattern ALL = Pattern.compile("\\b(everyone|everybody|all of them|all (?:the |of the )?(?:\\w+ )?" + WHO + ")\\b");
    private static final Pattern MOST = Pattern.compile("\\bmost (?:of (?:the|them)|people)\\b");
    private static final Pattern SOME_OF = Pattern.compile("\\b(?:exactly )?" + NUM + " of the " + NUM + " " + WHO + "\\b");
    private static final Pattern LOOK = Pattern.compile("\\blooks? (happy|sad|angry|surprised|afraid|scared|fearful|terrified|disgusted|neutral)\\b"
            + "|\\b(happy|sad|angry|surprised|fearful|disgusted|neutral) (?:facial )?expression\\b");

    /** A verdict on a question the grammar covers. */
    public record Answer(boolean yes, String reasoning, List<String> cueIds) {
    }

    private record Face(String id, Cue expression, List<Cue> actionUnits) {

        double au(String name) {
            return actionUnits.stream().filter(c -> c.label().equals(name)).mapToDouble(Cue::score).max().orElse(0);
        }

        List<String> ids() {
            List<String> out = new ArrayList<>();
            if (expression != null) {
                out.add(expression.id());
            }
            actionUnits.forEach(c -> out.add(c.id()));
            return out;
        }
    }

    private record Property(String name, Predicate<Face> test, Set<String> units) {
    }

    /** The answer, or empty when the question is outside the grammar. */
    public Optional<Answer> answer(String question, CueSet cues) {
        String q = question.toLowerCase(Locale.ROOT).replace('?', ' ').replaceAll("\\s+", " ").strip();
        List<Face> faces = faces(cues);
        Matcher count = COUNT.matcher(q);
        if (count.find() && !q.contains(" of the ")) {
            return Optional.of(count(count.group(1) == null ? "" : count.group(1).strip(), number(count.group(2)), faces));
        }
        if (OUTSIDE.matcher(q).find()) {
            return Optional.empty();
        }
        Optional<Property> property = property(q);
        if (property.isEmpty()) {
            return Optional.empty();
        }
        Property p = property.get();
        Optional<Face> one = subject(q, faces);
        if (one.isPresent()) {
            Face face = one.get();
            boolean yes = p.test().test(face);
            return Optional.of(new Answer(yes, face.id() + " (" + ordinal(faces.indexOf(face) + 1) + " from the left) " + (yes ? "is " : "is not ")
                    + p.name() + ": " + evidence(face, p), cited(List.of(face), p)));
        }
        List<Face> matching = faces.stream().filter(p.test()).toList();
        String found = matching.size() + " of " + faces.size() + " faces " + p.name() + (matching.isEmpty() ? "" : " ("
                + String.join(", ", matching.stream().map(f -> f.id() + ": " + evidence(f, p)).toList()) + ")");
        Matcher some = SOME_OF.matcher(q);
        if (some.find()) {
            int k = number(some.group(1));
            int of = number(some.group(2));
            return Optional.of(new Answer(matching.size() == k && faces.size() == of, found, cited(faces, p)));
        }
        if (NONE.matcher(q).find()) {
            return Optional.of(new Answer(matching.isEmpty() && !faces.isEmpty(), found, cited(faces, p)));
        }
        if (ALL.matcher(q).find()) {
            return Optional.of(new Answer(!faces.isEmpty() && matching.size() == faces.size(), found, cited(faces, p)));
        }
        if (MOST.matcher(q).find()) {
            return Optional.of(new Answer(matching.size() * 2 > faces.size(), found, cited(faces, p)));
        }
        if (ANY.matcher(q).find()) {
            return Optional.of(new Answer(!matching.isEmpty(), found, cited(matching.isEmpty() ? faces : matching, p)));
        }
        if (faces.size() == 1) {
            Face face = faces.get(0);
            boolean yes = p.test().test(face);
            return Optional.of(new Answer(yes, face.id() + (yes ? " is " : " is not ") + p.name() + ": " + evidence(face, p), cited(faces, p)));
        }
        return Optional.empty();
    }

    private static Answer count(String qualifier, int n, List<Face> faces) {
        int found = faces.size();
        boolean yes = switch (qualifier) {
            case "at least" -> found >= n;
            case "more than" -> found > n;
            case "fewer than", "less than" -> found < n;
            default -> found == n;
        };
        List<String> ids = faces.stream().map(f -> f.expression() == null ? f.id() : f.expression().id()).toList();
        return new Answer(yes, found + " face(s) measured (" + String.join(", ", faces.stream().map(Face::id).toList()) + "); the question says "
                + (qualifier.isEmpty() ? "" : qualifier + " ") + n, ids);
    }

    private static Optional<Property> property(String q) {
        Matcher look = LOOK.matcher(q);
        if (look.find()) {
            String label = LOOKS.get(look.group(1) != null ? look.group(1) : look.group(2));
            return Optional.of(new Property("showing " + label, f -> f.expression() != null && f.expression().label().equals(label), Set.of()));
        }
        if (q.matches(".*\\blaugh(s|ing)?\\b.*")) {
            return Optional.of(new Property("laughing", f -> isHappy(f) && f.au("mouth_open") > 0, Set.of("mouth_open", "lip_corner_pull")));
        }
        if (q.matches(".*\\b(smil(e|es|ing)|grin(s|ning)?)\\b.*")) {
            return Optional.of(new Property("smiling", f -> isHappy(f) || f.au("lip_corner_pull") >= SMILE_AU, Set.of("lip_corner_pull")));
        }
        if (q.matches(".*\\bfrown(s|ing)?\\b.*")) {
            return Optional.of(new Property("frowning", f -> f.au("brow_lower") > 0 || (f.expression() != null && f.expression().label().equals("anger")),
                    Set.of("brow_lower")));
        }
        if (q.matches(".*\\b(mouth (is |are )?open|open mouth|open-mouthed|mouths? of .* open)\\b.*") || q.matches(".*\\bmouth\\b.*\\bopen\\b.*")) {
            return Optional.of(new Property("with the mouth open", f -> f.au("mouth_open") > 0, Set.of("mouth_open")));
        }
        return Optional.empty();
    }

    private static boolean isHappy(Face f) {
        return f.expression() != null && f.expression().label().equals("happiness");
    }

    private static Optional<Face> subject(String q, List<Face> faces) {
        if (faces.isEmpty()) {
            return Optional.empty();
        }
        Matcher ordinal = ORDINAL.matcher(q);
        if (ordinal.find()) {
            String word = ordinal.group(1);
            int index = ORDINALS.containsKey(word) ? ORDINALS.get(word) : Integer.parseInt(word);
            boolean fromRight = "right".equals(ordinal.group(2));
            return at(faces, fromRight ? faces.size() - index : index - 1);
        }
        Matcher numbered = NUMBERED.matcher(q);
        if (numbered.find()) {
            return at(faces, Integer.parseInt(numbered.group(1)) - 1);
        }
        Matcher side = SIDE.matcher(q);
        if (side.find()) {
            String which = side.group(1) != null ? side.group(1) : side.group(2);
            return Optional.of(which.startsWith("left") ? faces.get(0) : faces.get(faces.size() - 1));
        }
        if (MIDDLE.matcher(q).find() && faces.size() % 2 == 1) {
            return Optional.of(faces.get(faces.size() / 2));
        }
        return Optional.empty();
    }

    private static Optional<Face> at(List<Face> faces, int index) {
        return index >= 0 && index < faces.size() ? Optional.of(faces.get(index)) : Optional.empty();
    }

    private static List<Face> faces(CueSet cues) {
        Set<String> subjects = new LinkedHashSet<>();
        cues.cues().stream().filter(c -> c.type() == CueType.EXPRESSION || c.type() == CueType.ACTION_UNIT).forEach(c -> subjects.add(c.subject()));
        return subjects.stream()
                .sorted(Comparator.comparingInt(PerceptionRules::faceNumber).thenComparing(s -> s))
                .map(s -> new Face(s,
                        cues.cues().stream().filter(c -> s.equals(c.subject()) && c.type() == CueType.EXPRESSION).findFirst().orElse(null),
                        cues.cues().stream().filter(c -> s.equals(c.subject()) && c.type() == CueType.ACTION_UNIT).toList()))
                .toList();
    }

    private static int faceNumber(String subject) {
        String digits = subject == null ? "" : subject.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static String evidence(Face face, Property p) {
        List<String> parts = new ArrayList<>();
        if (face.expression() != null) {
            parts.add(String.format(Locale.ROOT, "[%s] expression %s %.2f", face.expression().id(), face.expression().label(), face.expression().score()));
        }
        for (Cue au : face.actionUnits()) {
            if (p.units().contains(au.label())) {
                parts.add(String.format(Locale.ROOT, "[%s] %s %.2f", au.id(), au.label(), au.score()));
            }
        }
        p.units().stream().filter(u -> face.au(u) == 0).forEach(u -> parts.add("no salient " + u));
        return String.join(", ", parts);
    }

    private static List<String> cited(List<Face> faces, Property p) {
        List<String> out = new ArrayList<>();
        for (Face f : faces) {
            if (f.expression() != null) {
                out.add(f.expression().id());
            }
            f.actionUnits().stream().filter(c -> p.units().contains(c.label())).forEach(c -> out.add(c.id()));
        }
        return out;
    }

    private static int number(String word) {
        return WORDS.containsKey(word) ? WORDS.get(word) : Integer.parseInt(word);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
