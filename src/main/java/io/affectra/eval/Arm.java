package io.affectra.eval;

import io.affectra.cue.Ablation;
import io.affectra.reasoning.CallSettings;
import io.affectra.reasoning.Strategy;

/**
 * One arm of a run: every case is answered once per arm (and repeat). An evaluation's arms are its strategies; an
 * experiment's are its cells, each a strategy with a backend, a prompt variant, sampling parameters and an ablation.
 *
 * @param id            the arm's stored name: the strategy id for an evaluation, the cell id for an experiment
 * @param backend       the backend it asks; null for the run's backend
 * @param variantSha256 the sha256 of the prompt variant the settings carry; null for the shipped templates
 * @param cacheable     whether its backend replies may come from (and go to) the completion cache
 */
public record Arm(String id, Strategy strategy, String backend, CallSettings settings, Ablation ablation, String variantSha256,
        boolean cacheable) {

    public Arm {
        settings = settings == null ? CallSettings.DEFAULT : settings;
        ablation = ablation == null ? Ablation.NONE : ablation;
    }

    /** An evaluation's arm: the strategy as it is, on the run's backend. */
    public static Arm of(Strategy strategy) {
        return new Arm(strategy.id(), strategy, null, CallSettings.DEFAULT, Ablation.NONE, null, false);
    }
}
