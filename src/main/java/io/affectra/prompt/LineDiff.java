package io.affectra.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * A shortest edit script between two lists of lines (Myers' O(ND) greedy algorithm): which lines are kept, deleted from
 * the first or inserted from the second, in order. Within each run of changes the deletions come first, as {@code diff}
 * prints them. Meant for texts of the size of a prompt template: it keeps one row of the search per edit.
 */
public final class LineDiff {

    public enum Kind { KEEP, DELETE, INSERT }

    /** One line of the script; a kept line is the same in both lists. */
    public record Edit(Kind kind, String line) {
    }

    private LineDiff() {
    }

    public static List<Edit> edits(List<String> a, List<String> b) {
        List<int[]> trace = search(a, b);
        List<Edit> reversed = new ArrayList<>();
        int offset = a.size() + b.size();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int previousK = down(v, offset, d, k) ? k + 1 : k - 1;
            int previousX = d == 0 ? 0 : v[previousK + offset];
            int previousY = d == 0 ? 0 : previousX - previousK;
            while (x > previousX && y > previousY) {
                reversed.add(new Edit(Kind.KEEP, a.get(--x)));
                y--;
            }
            if (d > 0) {
                reversed.add(x == previousX ? new Edit(Kind.INSERT, b.get(--y)) : new Edit(Kind.DELETE, a.get(--x)));
            }
        }
        return deletionsFirst(reversed.reversed());
    }

    /**
     * The furthest x reached on each diagonal k = x - y, row d holding the state before edit d + 1; the last row is the
     * one that reached the end of both lists.
     */
    private static List<int[]> search(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int offset = n + m;
        int[] v = new int[2 * offset + 2];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= n + m; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = down(v, offset, d, k) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[k + offset] = x;
                if (x >= n && y >= m) {
                    return trace;
                }
            }
        }
        throw new IllegalStateException("unreachable: n + m edits always suffice");
    }

    /** Whether diagonal k is reached from k + 1 by an insertion (a step down) rather than from k - 1 by a deletion. */
    private static boolean down(int[] v, int offset, int d, int k) {
        return k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]);
    }

    private static List<Edit> deletionsFirst(List<Edit> edits) {
        List<Edit> ordered = new ArrayList<>(edits.size());
        List<Edit> inserted = new ArrayList<>();
        for (Edit e : edits) {
            switch (e.kind()) {
                case DELETE -> ordered.add(e);
                case INSERT -> inserted.add(e);
                case KEEP -> {
                    ordered.addAll(inserted);
                    inserted.clear();
                    ordered.add(e);
                }
            }
        }
        ordered.addAll(inserted);
        return ordered;
    }
}
