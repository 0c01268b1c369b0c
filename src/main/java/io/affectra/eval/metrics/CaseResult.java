package io.affectra.eval.metrics;

/**
 * The stored outcome of one case under one arm of a run: a strategy of an evaluation, a cell of an experiment.
 *
 * @param answer       what the reply was read as ({@code yes}/{@code no}, a letter, a label); null when unparseable or
 *                     when the case failed ({@code error} set)
 * @param rawReply     the final reply exactly as the backend sent it
 * @param clueOverlap  open format: the judge's EMER clue-overlap score 1-10, null when not judged
 * @param labelOverlap open format: the judge's EMER label-overlap score 1-10, null when not judged
 * @param detail       JSON: the answer's reasoning, cited ids, retrieved knowledge, verification, and the steps when
 *                     the run asked for them
 * @param trial        which repeat this is and how it was answered ({@link Trial#FIRST} for an evaluation's case)
 */
public record CaseResult(
        String strategy,
        String key,
        int seq,
        String itemId,
        String role,
        String category,
        String subcategory,
        String expected,
        String answer,
        boolean correct,
        String error,
        Integer clueOverlap,
        Integer labelOverlap,
        String rawReply,
        int calls,
        int promptTokens,
        int completionTokens,
        long latencyMs,
        String detail,
        Trial trial) {

    /**
     * An experiment's trial beyond its case: the repeat, whether every backend call was answered from the completion
     * cache, and the sha256 of the prompt variant it ran (null: the shipped templates).
     */
    public record Trial(int repeat, boolean cacheHit, String variantSha256) {

        public static final Trial FIRST = new Trial(0, false, null);
    }

    public CaseResult {
        trial = trial == null ? Trial.FIRST : trial;
    }

    public CaseResult(String strategy, String key, int seq, String itemId, String role, String category, String subcategory, String expected,
            String answer, boolean correct, String error, Integer clueOverlap, Integer labelOverlap, String rawReply, int calls, int promptTokens,
            int completionTokens, long latencyMs, String detail) {
        this(strategy, key, seq, itemId, role, category, subcategory, expected, answer, correct, error, clueOverlap, labelOverlap, rawReply,
                calls, promptTokens, completionTokens, latencyMs, detail, Trial.FIRST);
    }

    public CaseResult withTrial(Trial value) {
        return new CaseResult(strategy, key, seq, itemId, role, category, subcategory, expected, answer, correct, error, clueOverlap, labelOverlap,
                rawReply, calls, promptTokens, completionTokens, latencyMs, detail, value);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean unparseable() {
        return error == null && answer == null;
    }
}
