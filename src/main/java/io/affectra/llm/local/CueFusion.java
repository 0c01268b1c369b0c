package io.affectra.llm.local;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.vocabulary.LabelSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic evidence fusion: turns structured cues into a distribution over a label set with the weights of
 * {@link FusionWeights} (the formula is written out in {@code reasoning/fusion/weights.json}):
 *
 * <pre>
 * logit(l) = bias[l]
 *          + w_expr * sum_faces( area_f / sum(area) * mean_{expression cues of f} p(l) )
 *          + sum_au( A(au) * w_au[au][l] ),  A(au) = face-area-weighted mean intensity of au over the faces reporting it
 *          + w_text * min(T(l), max_hits),    T(l) = non-negated lexicon hits for l in the transcript cues
 * p(l)     = softmax(logit(l) / temperature)
 * </pre>
 *
 * Every cue's share of each term is kept as a {@link FusionResult.Contribution} so that an answer can cite the cues
 * that decided it. Prior cues (age, gender) and cue types without weights carry no emotion evidence.
 * Stateless and thread-safe.
 */
public final class CueFusion {

    private static final String CLAUSE_PUNCTUATION = ".,;:!?";
    private static final String CLAUSE_BREAK = "|";
    private static final Pattern TOKEN = Pattern.compile("[a-z']+|[.,;:!?]");

    private final FusionWeights weights;

    public CueFusion(FusionWeights weights) {
        this.weights = weights;
    }

    public FusionWeights weights() {
        return weights;
    }

    public FusionResult fuse(CueSet cues, LabelSet labels) {
        List<FusionResult.Contribution> contributions = new ArrayList<>();
        Map<String, Double> faceWeights = faceWeights(cues);
        expression(cues, labels, faceWeights, contributions);
        actionUnits(cues, labels, faceWeights, contributions);
        transcripts(cues, labels, contributions);
        labelledCues(cues, labels, contributions);

        Map<String, Double> logits = new LinkedHashMap<>();
        for (String label : labels.labels()) {
            double logit = weights.bias(label);
            for (FusionResult.Contribution c : contributions) {
                logit += c.on(label);
            }
            logits.put(label, logit);
        }
        return new FusionResult(logits, softmax(logits, weights.temperature()), contributions);
    }

    /** A face's weight is its box area (larger, nearer faces are read more reliably); 1 without a box. */
    private static Map<String, Double> faceWeights(CueSet cues) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Cue cue : cues.cues()) {
            if (cue.modality() == Modality.FACE && cue.region() != null && cue.region().area() > 0) {
                out.merge(cue.subject(), cue.region().area(), Math::max);
            }
        }
        return out;
    }

    private void expression(CueSet cues, LabelSet labels, Map<String, Double> faceWeights, List<FusionResult.Contribution> out) {
        Map<String, List<Cue>> bySubject = bySubject(cues.ofType(CueType.EXPRESSION).toList());
        double total = bySubject.keySet().stream().mapToDouble(s -> faceWeights.getOrDefault(s, 1.0)).sum();
        bySubject.forEach((subject, faceCues) -> {
            double share = faceWeights.getOrDefault(subject, 1.0) / total / faceCues.size();
            for (Cue cue : faceCues) {
                Map<String, Double> effect = new LinkedHashMap<>();
                for (String label : labels.labels()) {
                    double p = expressionProbability(cue, label);
                    if (p > 0) {
                        effect.put(label, weights.expressionWeight() * share * p);
                    }
                }
                out.add(new FusionResult.Contribution(cue.id(),
                        String.format(Locale.ROOT, "expression %s %.2f", cue.label(), unit(cue.score())), effect));
            }
        });
    }

    private static double expressionProbability(Cue cue, String label) {
        if (!cue.values().isEmpty()) {
            Double p = cue.values().get(label);
            return p == null ? 0 : unit(p);
        }
        return label.equals(cue.label()) ? unit(cue.score()) : 0;
    }

    private void actionUnits(CueSet cues, LabelSet labels, Map<String, Double> faceWeights, List<FusionResult.Contribution> out) {
        Map<String, List<Cue>> byUnit = new LinkedHashMap<>();
        cues.ofType(CueType.ACTION_UNIT)
                .filter(c -> weights.actionUnits().containsKey(c.label()))
                .forEach(c -> byUnit.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c));
        byUnit.forEach((unit, unitCues) -> {
            Map<String, Double> auWeights = weights.actionUnits().get(unit);
            Map<String, List<Cue>> bySubject = bySubject(unitCues);
            double total = bySubject.keySet().stream().mapToDouble(s -> faceWeights.getOrDefault(s, 1.0)).sum();
            bySubject.forEach((subject, faceCues) -> {
                double share = faceWeights.getOrDefault(subject, 1.0) / total / faceCues.size();
                for (Cue cue : faceCues) {
                    double intensity = unit(cue.score());
                    Map<String, Double> effect = new LinkedHashMap<>();
                    for (String label : labels.labels()) {
                        double w = auWeights.getOrDefault(label, 0.0);
                        if (w != 0 && intensity > 0) {
                            effect.put(label, share * intensity * w);
                        }
                    }
                    out.add(new FusionResult.Contribution(cue.id(),
                            String.format(Locale.ROOT, "%s %.2f", unit, intensity), effect));
                }
            });
        });
    }

    /**
     * Voice, body and other typed cues: each (type, label) with a weight table contributes the mean score of
     * its cues times its weights, so a gesture repeated ten times weighs like a steady one, not ten times.
     */
    private void labelledCues(CueSet cues, LabelSet labels, List<FusionResult.Contribution> out) {
        weights.cueLabels().forEach((type, table) -> {
            Map<String, List<Cue>> byLabel = new LinkedHashMap<>();
            cues.ofType(type).filter(c -> table.containsKey(c.label()))
                    .forEach(c -> byLabel.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c));
            byLabel.forEach((label, labelled) -> {
                Map<String, Double> w = table.get(label);
                for (Cue cue : labelled) {
                    double score = unit(cue.score()) / labelled.size();
                    Map<String, Double> effect = new LinkedHashMap<>();
                    for (String l : labels.labels()) {
                        double weight = w.getOrDefault(l, 0.0);
                        if (weight != 0 && score > 0) {
                            effect.put(l, score * weight);
                        }
                    }
                    out.add(new FusionResult.Contribution(cue.id(),
                            String.format(Locale.ROOT, "%s %s %.2f", type, label, unit(cue.score())), effect));
                }
            });
        });
    }

    private void transcripts(CueSet cues, LabelSet labels, List<FusionResult.Contribution> out) {
        List<Cue> transcripts = cues.ofType(CueType.TRANSCRIPT).toList();
        List<Map<String, List<String>>> hitsPerCue = transcripts.stream().map(c -> hits(c.label(), labels)).toList();
        Map<String, Integer> totals = new LinkedHashMap<>();
        hitsPerCue.forEach(h -> h.forEach((label, words) -> totals.merge(label, words.size(), Integer::sum)));
        for (int i = 0; i < transcripts.size(); i++) {
            Map<String, List<String>> hits = hitsPerCue.get(i);
            if (hits.isEmpty()) {
                continue;
            }
            Map<String, Double> effect = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            hits.forEach((label, found) -> {
                int total = totals.get(label);
                // The cap bounds what words can do against faces; it is shared out over the cues in proportion.
                effect.put(label, weights.textWeight() * Math.min(total, weights.maxTextHits()) * found.size() / total);
                found.stream().filter(w -> !words.contains(w)).forEach(words::add);
            });
            out.add(new FusionResult.Contribution(transcripts.get(i).id(), "words: " + String.join(", ", words), effect));
        }
    }

    /** Non-negated lexicon words per label, in the order found. */
    public Map<String, List<String>> hits(String text, LabelSet labels) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<String> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            for (String label : labels.labels()) {
                if (weights.lexicon().getOrDefault(label, Set.of()).contains(token) && !negated(tokens, i)) {
                    out.computeIfAbsent(label, k -> new ArrayList<>()).add(token);
                }
            }
        }
        return out;
    }

    /** A negator up to negationWindow words back, within the same clause ("I'm not sad, I'm angry" negates only sad). */
    private boolean negated(List<String> tokens, int index) {
        int words = 0;
        for (int j = index - 1; j >= 0 && words < weights.negationWindow(); j--) {
            String token = tokens.get(j);
            if (token.equals(CLAUSE_BREAK)) {
                return false;
            }
            if (weights.negators().contains(token)) {
                return true;
            }
            words++;
        }
        return false;
    }

    /** Lowercase words (apostrophes kept: "don't") with {@link #CLAUSE_BREAK} for punctuation that ends a clause. */
    static List<String> tokens(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normal);
        while (m.find()) {
            String token = m.group();
            if (CLAUSE_PUNCTUATION.indexOf(token.charAt(0)) >= 0) {
                out.add(CLAUSE_BREAK);
            } else {
                token = token.replaceAll("^'+|'+$", "");
                if (!token.isEmpty()) {
                    out.add(token);
                }
            }
        }
        return out;
    }

    private static Map<String, List<Cue>> bySubject(List<Cue> cues) {
        Map<String, List<Cue>> out = new LinkedHashMap<>();
        cues.forEach(c -> out.computeIfAbsent(c.subject() == null ? "" : c.subject(), k -> new ArrayList<>()).add(c));
        return out;
    }

    private static Map<String, Double> softmax(Map<String, Double> logits, double temperature) {
        double max = logits.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> exp = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : logits.entrySet()) {
            double v = Math.exp((e.getValue() - max) / temperature);
            exp.put(e.getKey(), v);
            sum += v;
        }
        double total = sum;
        exp.replaceAll((k, v) -> v / total);
        return exp;
    }

    /** Scores outside [0, 1] or NaN from a misbehaving encoder must not swing the answer. */
    private static double unit(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
