package io.affectra.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Hand-made case results for the metric tests. */
final class Cases {

    /** The answer a case got: yes, no, another string, null (unparseable) or ERROR (the backend failed). */
    static final String ERROR = "<error>";

    private Cases() {
    }

    static CaseResult answered(String strategy, String item, String role, String category, int seq, String expected, String answer) {
        boolean failed = ERROR.equals(answer);
        String a = failed ? null : answer;
        return new CaseResult(strategy, item + (role == null ? "" : "#" + role), seq, item, role, category, null, expected, a,
                a != null && a.equals(expected), failed ? "backend down" : null, null, null, a, 1, 0, 0, 0, null);
    }

    /** N standard pairs (basic yes, hallucinated no) answered by a function of (pair index, role). */
    static List<CaseResult> pairs(String strategy, int n, Function<Integer, String[]> answers) {
        List<CaseResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] a = answers.apply(i);
            String category = i % 2 == 0 ? "even" : "odd";
            out.add(answered(strategy, "p" + i, "basic", category, 2 * i, "yes", a[0]));
            out.add(answered(strategy, "p" + i, "hallucination", category, 2 * i + 1, "no", a[1]));
        }
        return out;
    }
}
