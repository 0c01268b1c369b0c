package io.affectra.reasoning.pep;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.reasoning.StepRunner;
import java.util.List;

/**
 * What the loop's first step found, with what it works on: the answer steps' prompts are built from it.
 *
 * @param description the backend's description of the evidence (Self-PEP), else null
 * @param facts       the emotion knowledge retrieved (PEP-MEK), else empty
 */
record Grounds(Subject subject, String description, List<KnowledgeHit> facts) {

    Grounds {
        facts = List.copyOf(facts);
    }

    /** The facts as prompts show them, one per line led by its id; empty when none were retrieved. */
    String factsText() {
        return StepRunner.renderFacts(facts);
    }

    /** The replies the later steps build on: the description, where there is one. */
    List<String> replies() {
        return description == null ? List.of() : List.of(description);
    }
}
