package io.affectra.knowledge;

import io.affectra.config.DataConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Top-k retrieval over the knowledge base by sentence-embedding cosine similarity (exact search: a few hundred facts
 * need no approximate index). The facts are embedded once, on first use, and the vectors cached under
 * {@code <data-dir>/knowledge/}, keyed by the facts file's sha256 and the model, so an edit of the facts re-embeds.
 * Results are deterministic: ties go to the smaller fact id.
 */
@ApplicationScoped
public class KnowledgeRetriever {

    private static final Logger LOG = Logger.getLogger(KnowledgeRetriever.class);

    private final KnowledgeBase base;
    private final SentenceEmbedder embedder;
    private final KnowledgeConfig config;
    private final DataConfig data;
    private volatile List<float[]> vectors;

    public KnowledgeRetriever(KnowledgeBase base, SentenceEmbedder embedder, KnowledgeConfig config, DataConfig data) {
        this.base = base;
        this.embedder = embedder;
        this.config = config;
        this.data = data;
    }

    /** The {@code k} facts closest to the query, best first, with their scores. */
    public List<KnowledgeHit> retrieve(String query, int k) {
        if (query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        return rank(embedder.embed(query), k);
    }

    /** The same, with the configured k. */
    public List<KnowledgeHit> retrieve(String query) {
        return retrieve(query, config.topK());
    }

    /** Similarity of a text to one fact (for checks that need a specific fact's score). */
    public double similarity(String text, String factId) {
        List<Fact> facts = base.facts();
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i).id().equals(factId)) {
                return SentenceEmbedder.cosine(embedder.embed(text), index().get(i));
            }
        }
        throw new IllegalArgumentException("no fact " + factId);
    }

    List<KnowledgeHit> rank(float[] query, int k) {
        List<float[]> index = index();
        List<Fact> facts = base.facts();
        List<KnowledgeHit> hits = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            hits.add(KnowledgeHit.of(facts.get(i), SentenceEmbedder.cosine(query, index.get(i))));
        }
        hits.sort(Comparator.comparingDouble(KnowledgeHit::score).reversed().thenComparing(KnowledgeHit::id));
        return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
    }

    public String model() {
        return SentenceEmbedder.MODEL;
    }

    public int size() {
        return base.size();
    }

    private List<float[]> index() {
        List<float[]> v = vectors;
        if (v == null) {
            synchronized (this) {
                if (vectors == null) {
                    vectors = load();
                }
                v = vectors;
            }
        }
        return v;
    }

    private List<float[]> load() {
        Path cache = Path.of(data.dataDir(), "knowledge", SentenceEmbedder.MODEL + "-" + base.sha256().substring(0, 16) + ".f32");
        if (config.cacheEmbeddings() && Files.isRegularFile(cache)) {
            try {
                List<float[]> cached = read(cache);
                if (cached.size() == base.size()) {
                    return cached;
                }
            } catch (IOException e) {
                LOG.warnf("knowledge embedding cache %s unreadable (%s); embedding again", cache, e.getMessage());
            }
        }
        long start = System.nanoTime();
        List<float[]> embedded = embedder.embedAll(base.facts().stream().map(Fact::text).toList());
        LOG.infof("embedded %d knowledge facts with %s in %d ms", embedded.size(), SentenceEmbedder.MODEL,
                (System.nanoTime() - start) / 1_000_000);
        if (config.cacheEmbeddings()) {
            try {
                write(cache, embedded);
            } catch (IOException e) {
                LOG.warnf("cannot write the knowledge embedding cache %s: %s", cache, e.getMessage());
            }
        }
        return embedded;
    }

    private static List<float[]> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            int count = in.readInt();
            int dim = in.readInt();
            List<float[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = in.readFloat();
                }
                out.add(v);
            }
            return out;
        }
    }

    private static void write(Path file, List<float[]> vectors) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "facts", ".part");
        try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
            out.writeInt(vectors.size());
            out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
            for (float[] v : vectors) {
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
