package io.affectra.analysis;

import java.util.List;

/**
 * The {@code options} part of an analyse request. Every field is optional.
 *
 * @param backend       a configured backend name (default: affectra.default-backend)
 * @param strategy      {@code direct} (default), {@code emo-llama}, {@code deemo}, {@code pep} or {@code pep-mek}
 * @param facialPriors  compute facial priors (gender; age/race only where the operator enabled GEAR)
 * @param labels        the label set to choose from (default: the seven canonical labels)
 * @param deidentify    de-identified mode: no face-derived cue is computed or sent
 * @param explain       return (and store) every step of the strategy with its prompt and reply
 * @param fps           video: frames sampled per second (default affectra.video.fps)
 * @param windowSeconds video and audio: length of an analysis window (default affectra.video.window)
 * @param transcribe    video and audio without a transcript: {@code auto} (default: the default transcription backend, if
 *                      one is configured), {@code never}, or a configured transcription backend's name
 */
public record AnalyzeOptions(String backend, String strategy, Boolean facialPriors, List<String> labels, Boolean deidentify,
        Boolean explain, Double fps, Double windowSeconds, String transcribe) {

    public static final AnalyzeOptions DEFAULTS = new AnalyzeOptions(null, null, null, null, null, null, null, null, null);

    public AnalyzeOptions(String backend, String strategy, Boolean facialPriors, List<String> labels, Boolean deidentify,
            Boolean explain, Double fps, Double windowSeconds) {
        this(backend, strategy, facialPriors, labels, deidentify, explain, fps, windowSeconds, null);
    }

    public AnalyzeOptions(String backend, String strategy, Boolean facialPriors, List<String> labels, Boolean deidentify) {
        this(backend, strategy, facialPriors, labels, deidentify, null, null, null);
    }

    public AnalyzeOptions(String backend, String strategy, Boolean facialPriors, List<String> labels, Boolean deidentify, Boolean explain) {
        this(backend, strategy, facialPriors, labels, deidentify, explain, null, null);
    }
}
