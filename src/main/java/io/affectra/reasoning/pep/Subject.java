package io.affectra.reasoning.pep;

import io.affectra.cue.CueSet;
import io.affectra.reasoning.AnswerSpace;
import io.affectra.reasoning.CallSettings;
import io.affectra.reasoning.EvidenceText;
import io.affectra.vocabulary.LabelSet;

/**
 * What one run of the loop works on.
 *
 * @param evidence       the evidence as the prompts show it
 * @param ask            the question and its answer space as the prompts show them
 * @param labels         the label set of an emotion answer (the local baseline reads it), null for a closed question
 * @param knowledgeQuery what to retrieve emotion knowledge for; empty when there is nothing to ask
 * @param settings       how every step asks
 */
record Subject(EvidenceText evidence, AnswerSpace ask, CueSet cues, LabelSet labels, String backend, String knowledgeQuery,
        CallSettings settings) {
}
