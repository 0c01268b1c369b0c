package io.affectra.encoder.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.knowledge.SentenceEmbedder;
import io.affectra.media.Sha256;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text-emotion cue per transcript segment, zero-shot: the segment's MiniLM embedding against the mean
 * embedding of a few prototype sentences per label ({@code reasoning/text/emotion-prototypes.json}),
 * softmax over the cosines. In-process, no network; the prototypes are embedded once, on first use.
 */
@ApplicationScoped
public class TextEmotionEncoder {

    static final String RESOURCE = "reasoning/text/emotion-prototypes.json";

    private final SentenceEmbedder embedder;
    private volatile Map<String, float[]> centroids;
    private volatile String version;
    private double temperature;

    public TextEmotionEncoder(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The embedding model's name and the prototypes' sha256: what its cues depend on besides the text. */
    public String version() {
        String v = version;
        if (v == null) {
            try (InputStream in = prototypes()) {
                v = Sha256.of(SentenceEmbedder.MODEL + "\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            version = v;
        }
        return v;
    }

    /** Probabilities over the canonical labels for one piece of text. */
    public Map<String, Double> classify(String text) {
        Map<String, float[]> c = centroids();
        float[] v = embedder.embed(text);
        Map<String, Double> logits = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> e : c.entrySet()) {
            double l = SentenceEmbedder.cosine(v, e.getValue()) / temperature;
            logits.put(e.getKey(), l);
            max = Math.max(max, l);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : logits.entrySet()) {
            double x = Math.exp(e.getValue() - max);
            e.setValue(x);
            sum += x;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : logits.entrySet()) {
            out.put(e.getKey(), Math.round(e.getValue() / sum * 10_000) / 10_000.0);
        }
        return out;
    }

    /** One cue per segment, id {@code <segmentId>.emotion}. */
    public List<Cue> cues(String segmentId, String text, TimeSpan span) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Double> p = classify(text);
        String top = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Cue> cues = new ArrayList<>();
        cues.add(new Cue(segmentId + ".emotion", Modality.TEXT, SentenceEmbedder.MODEL + "+prototypes", "speaker", CueType.TEXT_EMOTION,
                top, p.get(top), null, span, p));
        return cues;
    }

    private Map<String, float[]> centroids() {
        Map<String, float[]> c = centroids;
        if (c == null) {
            synchronized (this) {
                if (centroids == null) {
                    centroids = load();
                }
                c = centroids;
            }
        }
        return c;
    }

    private Map<String, float[]> load() {
        try (InputStream in = prototypes()) {
            JsonNode root = new ObjectMapper().readTree(in);
            temperature = root.path("temperature").asDouble(0.05);
            Map<String, float[]> out = new LinkedHashMap<>();
            for (String label : LabelSet.CANONICAL.labels()) {
                List<String> sentences = new ArrayList<>();
                root.path("prototypes").path(label).forEach(s -> sentences.add(s.asText()));
                if (sentences.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": no prototypes for " + label);
                }
                float[] mean = new float[embedder.dimension()];
                for (float[] v : embedder.embedAll(sentences)) {
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] += v[i] / sentences.size();
                    }
                }
                out.put(label, mean);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream prototypes() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return in;
    }
}
