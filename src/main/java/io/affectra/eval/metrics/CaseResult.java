package io.affectra.eval.metrics;

/**
 * The stored outcome of one case under one strategy.
 *
 * @param answer       what the reply was read as ({@code yes}/{@code no}, a letter, a label); null when unparseable or
 *                     when the case failed ({@code error} set)
 * @param rawReply     the final reply exactly as the backend sent it
 * @param clueOverlap  open format: the judge's EMER clue-overlap score 1-10, null when not judged
 * @param labelOverlap open format: the judge's EMER label-overlap score 1-10, null when not judged
 * @param detail       JSON: the answer's reasoning, cited ids, retrieved knowledge, verification, and the steps when
 *                     the run asked for them
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
        String detail) {

    public boolean failed() {
        return error != null;
    }

    public boolean unparseable() {
        return error == null && answer == null;
    }
}
