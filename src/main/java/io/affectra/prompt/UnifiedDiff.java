package io.affectra.prompt;

import io.affectra.prompt.LineDiff.Edit;
import io.affectra.prompt.LineDiff.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Two texts as a unified diff, the way {@code diff -u} prints them: {@code ---}/{@code +++} headers, then {@code @@}
 * hunks with {@code context} unchanged lines around each change, hunks closer than twice that merged, and
 * {@code \ No newline at end of file} after a last line without one. Identical texts give the empty string.
 */
public final class UnifiedDiff {

    public static final int CONTEXT = 3;

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    public static String of(String fromName, String toName, String from, String to) {
        return of(fromName, toName, from, to, CONTEXT);
    }

    public static String of(String fromName, String toName, String from, String to, int context) {
        List<Edit> edits = LineDiff.edits(lines(from), lines(to));
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            if (edits.get(i).kind() != Kind.KEEP) {
                changes.add(i);
            }
        }
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + fromName + "\n+++ " + toName + "\n");
        // Lines of each text before edit i: where a hunk starting at i begins.
        int[] fromBefore = new int[edits.size() + 1];
        int[] toBefore = new int[edits.size() + 1];
        for (int i = 0; i < edits.size(); i++) {
            Kind kind = edits.get(i).kind();
            fromBefore[i + 1] = fromBefore[i] + (kind == Kind.INSERT ? 0 : 1);
            toBefore[i + 1] = toBefore[i] + (kind == Kind.DELETE ? 0 : 1);
        }
        int first = 0;
        for (int c = 1; c <= changes.size(); c++) {
            // A hunk ends where the unchanged lines up to the next change outnumber the context on both sides.
            if (c == changes.size() || changes.get(c) - changes.get(c - 1) - 1 > 2 * context) {
                int start = Math.max(0, changes.get(first) - context);
                int end = Math.min(edits.size(), changes.get(c - 1) + context + 1);
                hunk(out, edits, start, end, fromBefore, toBefore);
                first = c;
            }
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> edits, int start, int end, int[] fromBefore, int[] toBefore) {
        out.append("@@ -").append(range(fromBefore[start], fromBefore[end] - fromBefore[start]))
                .append(" +").append(range(toBefore[start], toBefore[end] - toBefore[start])).append(" @@\n");
        for (Edit e : edits.subList(start, end)) {
            out.append(switch (e.kind()) {
                case KEEP -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            });
            out.append(e.line());
            if (!e.line().endsWith("\n")) {
                out.append('\n').append(NO_NEWLINE);
            }
        }
    }

    /** {@code start,count} of a hunk's side, 1-based; one line is its number alone, none is the line before it. */
    private static String range(int linesBefore, int count) {
        return switch (count) {
            case 0 -> linesBefore + ",0";
            case 1 -> String.valueOf(linesBefore + 1);
            default -> (linesBefore + 1) + "," + count;
        };
    }

    /** The text's lines with their line breaks, so that a last line without one differs from the same line with one. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        return lines;
    }
}
