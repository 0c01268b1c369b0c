package io.affectra.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.prompt.LineDiff.Edit;
import io.affectra.prompt.LineDiff.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The line diff on hand-made texts (each expectation as GNU {@code diff -u} prints it), and on random ones. */
class UnifiedDiffTest {

    private static final String HEAD = "--- a.md\n+++ b.md\n";

    private static String diff(String from, String to) {
        return UnifiedDiff.of("a.md", "b.md", from, to);
    }

    private static String numbers(int from, int to, String... replaced) {
        List<String> lines = IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
        for (int i = 0; i < replaced.length; i += 2) {
            lines.set(Integer.parseInt(replaced[i]) - from, replaced[i + 1]);
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void identicalTextsHaveNoDiff() {
        assertThat(diff("a\nb\n", "a\nb\n")).isEmpty();
        assertThat(diff("", "")).isEmpty();
    }

    @Test
    void anInsertedLine() {
        assertThat(diff("a\nb\nc\n", "a\nb\nx\nc\n")).isEqualTo(HEAD + "@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n");
    }

    @Test
    void aDeletedLine() {
        assertThat(diff("a\nb\nc\n", "a\nc\n")).isEqualTo(HEAD + "@@ -1,3 +1,2 @@\n a\n-b\n c\n");
    }

    @Test
    void aChangedLineIsADeletionThenAnInsertion() {
        assertThat(diff("a\nb\nc\n", "a\nB\nc\n")).isEqualTo(HEAD + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
        assertThat(diff("a\nb\nc\nd\n", "a\nB\nC\nd\n")).isEqualTo(HEAD + "@@ -1,4 +1,4 @@\n a\n-b\n-c\n+B\n+C\n d\n");
    }

    @Test
    void fromAndToNothing() {
        assertThat(diff("", "x\n")).isEqualTo(HEAD + "@@ -0,0 +1 @@\n+x\n");
        assertThat(diff("x\ny\n", "")).isEqualTo(HEAD + "@@ -1,2 +0,0 @@\n-x\n-y\n");
    }

    @Test
    void aLastLineWithoutANewlineIsMarked() {
        assertThat(diff("a\nb", "a\nc\n")).isEqualTo(HEAD + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n");
        assertThat(diff("a\nb", "a\nb\n")).isEqualTo(HEAD + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    }

    @Test
    void changesFarApartAreSeparateHunksWithThreeLinesOfContext() {
        assertThat(diff(numbers(1, 20), numbers(1, 20, "2", "two", "19", "nineteen"))).isEqualTo(HEAD
                + "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                + "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
    }

    @Test
    void changesWithAtMostSixLinesBetweenShareAHunk() {
        assertThat(diff(numbers(1, 10), numbers(1, 10, "3", "three", "9", "nine"))).isEqualTo(HEAD
                + "@@ -1,10 +1,10 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n");
        // Seven lines between: two hunks, as diff -u prints them.
        assertThat(diff(numbers(1, 20), numbers(1, 20, "5", "X", "13", "Y")))
                .contains("@@ -2,7 +2,7 @@\n").contains("@@ -10,7 +10,7 @@\n");
    }

    @Test
    void randomTextsGiveAShortestScriptAndAPatchThatTurnsOneIntoTheOther() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            String from = randomText(random);
            String to = random.nextInt(5) == 0 ? mutate(random, from) : randomText(random);
            List<String> a = UnifiedDiff.lines(from);
            List<String> b = UnifiedDiff.lines(to);
            List<Edit> edits = LineDiff.edits(a, b);

            assertThat(edits.stream().filter(e -> e.kind() != Kind.INSERT).map(Edit::line).toList()).isEqualTo(a);
            assertThat(edits.stream().filter(e -> e.kind() != Kind.DELETE).map(Edit::line).toList()).isEqualTo(b);
            assertThat(edits.stream().filter(e -> e.kind() == Kind.KEEP).count()).as("kept lines of %s -> %s", from, to)
                    .isEqualTo(longestCommonSubsequence(a, b));
            assertThat(apply(from, diff(from, to))).as("patch of %s -> %s", from, to).isEqualTo(to);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(12);
        for (int i = 0; i < lines; i++) {
            text.append((char) ('a' + random.nextInt(4))).append('\n');
        }
        if (lines > 0 && random.nextInt(6) == 0) {
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    private static String mutate(Random random, String text) {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
        for (int i = 0; i < 2 && !lines.isEmpty(); i++) {
            lines.set(random.nextInt(lines.size()), "z\n");
        }
        return String.join("", lines);
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] best = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                best[i][j] = a.get(i).equals(b.get(j)) ? best[i + 1][j + 1] + 1 : Math.max(best[i + 1][j], best[i][j + 1]);
            }
        }
        return best[0][0];
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** Applies a unified diff as patch(1) would, checking every context and deleted line against the original. */
    private static String apply(String from, String diff) {
        if (diff.isEmpty()) {
            return from;
        }
        List<String> source = UnifiedDiff.lines(from);
        List<String> patch = UnifiedDiff.lines(diff);
        assertThat(patch.subList(0, 2)).containsExactly("--- a.md\n", "+++ b.md\n");
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 2;
        while (i < patch.size()) {
            Matcher m = HUNK.matcher(patch.get(i++));
            assertThat(m.lookingAt()).isTrue();
            int fromCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int fromStart = Integer.parseInt(m.group(1)) - (fromCount == 0 ? 0 : 1);
            int toCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int toStart = Integer.parseInt(m.group(3)) - (toCount == 0 ? 0 : 1);
            assertThat(fromStart).isGreaterThanOrEqualTo(next);
            source.subList(next, fromStart).forEach(out::append);
            next = fromStart;
            assertThat(UnifiedDiff.lines(out.toString())).hasSize(toStart);
            int read = 0;
            int written = 0;
            while (i < patch.size() && !patch.get(i).startsWith("@@")) {
                String line = patch.get(i++);
                String content = line.substring(1);
                if (i < patch.size() && patch.get(i).startsWith("\\ No newline")) {
                    content = content.substring(0, content.length() - 1);
                    i++;
                }
                if (line.charAt(0) != '+') {
                    assertThat(source.get(next++)).isEqualTo(content);
                    read++;
                }
                if (line.charAt(0) != '-') {
                    out.append(content);
                    written++;
                }
            }
            assertThat(read).isEqualTo(fromCount);
            assertThat(written).isEqualTo(toCount);
        }
        source.subList(next, source.size()).forEach(out::append);
        return out.toString();
    }
}
