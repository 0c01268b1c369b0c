package io.affectra.analysis;

import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Combines the windows' answers into one: each window's probabilities weighted by its duration and its
 * confidence (a confident minute counts more than an unsure second). Deterministic and backend-free, so
 * a long video costs one backend call per window and none for the summary. Per-person readings stay with their windows
 * (the timeline); the aggregate of several windows has none.
 */
final class WindowAggregator {

    static final int MAX_CITED = 12;

    private WindowAggregator() {
    }

    static EmotionAnswer aggregate(List<WindowAnswer> windows, LabelSet labels) {
        if (windows.size() == 1) {
            return windows.get(0).answer();
        }
        Map<String, Double> sum = new LinkedHashMap<>();
        labels.labels().forEach(l -> sum.put(l, 0.0));
        double total = 0;
        for (WindowAnswer w : windows) {
            double weight = Math.max(1, w.endMs() - w.startMs()) * Math.max(0.05, w.answer().confidence());
            for (String l : labels.labels()) {
                sum.merge(l, weight * w.answer().probabilities().getOrDefault(l, 0.0), Double::sum);
            }
            total += weight;
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        String best = labels.labels().get(0);
        for (String l : labels.labels()) {
            double p = total > 0 ? Math.round(sum.get(l) / total * 10_000) / 10_000.0 : 0;
            probabilities.put(l, p);
            if (p > probabilities.get(best)) {
                best = l;
            }
        }
        StringBuilder reasoning = new StringBuilder(String.format(Locale.ROOT,
                "Aggregate of %d windows, each weighted by duration and confidence:", windows.size()));
        Set<String> cited = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        for (WindowAnswer w : windows) {
            parts.add(String.format(Locale.ROOT, " W%d %.0f-%.0f s %s (%.2f)", w.index(), w.startMs() / 1000.0, w.endMs() / 1000.0,
                    w.answer().label(), w.answer().confidence()));
            for (String id : w.answer().cueIds()) {
                if (cited.size() < MAX_CITED && w.answer().label().equals(best)) {
                    cited.add(id);
                }
            }
        }
        reasoning.append(String.join(";", parts)).append('.');
        return new EmotionAnswer(best, probabilities.get(best), probabilities, reasoning.toString(), List.copyOf(cited));
    }
}
