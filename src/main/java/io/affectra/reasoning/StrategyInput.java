package io.affectra.reasoning;

import io.affectra.cue.CueSet;
import io.affectra.vocabulary.LabelSet;

/** What a strategy reasons over: the cues, the optional transcript, the label set and the backend to ask, and how to ask it. */
public record StrategyInput(CueSet cues, String transcript, LabelSet labels, String backend, int faceCount, CallSettings settings) {

    public StrategyInput {
        settings = settings == null ? CallSettings.DEFAULT : settings;
    }

    public StrategyInput(CueSet cues, String transcript, LabelSet labels, String backend, int faceCount) {
        this(cues, transcript, labels, backend, faceCount, CallSettings.DEFAULT);
    }
}
