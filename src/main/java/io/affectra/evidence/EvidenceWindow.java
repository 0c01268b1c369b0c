package io.affectra.evidence;

import io.affectra.cue.Cue;
import io.affectra.cue.TimeSpan;
import java.util.List;

/**
 * One window of a clip's evidence, handed on as soon as the window closes.
 *
 * @param transcript the words said in the window, or null
 */
public record EvidenceWindow(int index, TimeSpan span, List<Cue> cues, String transcript) {

    /** Receives each window in time order. */
    @FunctionalInterface
    public interface Sink {

        Sink NONE = window -> {
        };

        void accept(EvidenceWindow window);
    }
}
