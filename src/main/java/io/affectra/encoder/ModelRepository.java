package io.affectra.encoder;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.config.DataConfig;
import io.affectra.media.Sha256;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Loads each model once: reads its manifest, verifies the file's sha256 against it, and opens it with
 * DJL's ONNX Runtime engine on the CPU. Models ship inside the application (classpath {@code encoders/});
 * ONNX Runtime needs a file, so verified bytes are written once to a content-addressed cache.
 */
@ApplicationScoped
public class ModelRepository {

    private static final Logger LOG = Logger.getLogger(ModelRepository.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final EncodersConfig config;
    private final DataConfig data;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

    public ModelRepository(EncodersConfig config, DataConfig data) {
        this.config = config;
        this.data = data;
        // ONNX Runtime allows one environment per process: DJL must create it before anything else
        // (LangChain4j's in-process embeddings) does; see OnnxRuntimeEngine.
        OnnxRuntimeEngine.ensure();
    }

    public EncoderManifest manifest(String id) {
        try (InputStream in = open("encoders/" + id + ".json")) {
            return JSON.readValue(in, EncoderManifest.class);
        } catch (IOException e) {
            throw new EncoderException(id, "manifest unreadable", e);
        }
    }

    /** Every manifest shipped in encoders/index.json, loaded or not. */
    public List<EncoderManifest> catalog() {
        try (InputStream in = open("encoders/index.json")) {
            record Index(List<String> encoders) {
            }
            return JSON.readValue(in, Index.class).encoders().stream().map(this::manifest).toList();
        } catch (IOException e) {
            throw new EncoderException("index", "encoders/index.json unreadable", e);
        }
    }

    /**
     * What identifies these models' weights, for keys of what they compute: a model's manifest sha256, or for several
     * one sha256 over their ids and manifest sha256s (in the order given).
     */
    public String version(List<String> ids) {
        if (ids.size() == 1) {
            return manifest(ids.get(0)).sha256();
        }
        StringBuilder lines = new StringBuilder();
        ids.forEach(id -> lines.append(id).append(' ').append(manifest(id).sha256()).append('\n'));
        return Sha256.of(lines.toString());
    }

    public boolean isLoaded(String id) {
        return loaded.containsKey(id);
    }

    public LoadedModel load(String id) {
        return loaded.computeIfAbsent(id, this::loadNow);
    }

    public List<LoadedModel> loadedModels() {
        return List.copyOf(loaded.values());
    }

    private LoadedModel loadNow(String id) {
        EncoderManifest manifest = manifest(id);
        Path file = verifiedCopy(manifest);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .optDevice(Device.cpu())
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(config.intraOpThreads()))
                .build();
        try {
            ZooModel<NDList, NDList> model = criteria.loadModel();
            LOG.infof("loaded encoder model %s (%s, sha256 %s...)", id, manifest.licence(), manifest.sha256().substring(0, 16));
            return new LoadedModel(manifest, model, config.poolSize());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new EncoderException(id, "model could not be opened", e);
        }
    }

    private Path verifiedCopy(EncoderManifest manifest) {
        byte[] bytes;
        try (InputStream in = open("encoders/" + manifest.file())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new EncoderException(manifest.id(), "model file unreadable", e);
        }
        String actual = Sha256.of(bytes);
        if (!actual.equalsIgnoreCase(manifest.sha256())) {
            throw new EncoderException(manifest.id(),
                    "sha256 mismatch: manifest " + manifest.sha256() + ", file " + actual, null);
        }
        Path cache = Path.of(data.dataDir(), "model-cache");
        Path target = cache.resolve(actual + ".onnx");
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(cache);
                Path tmp = Files.createTempFile(cache, manifest.id(), ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else if (!Sha256.of(target).equals(actual)) {
                Files.write(target, bytes);
            }
            return target;
        } catch (IOException e) {
            throw new EncoderException(manifest.id(), "model cache not writable at " + cache, e);
        }
    }

    private InputStream open(String resource) throws IOException {
        if (config.directory().isPresent()) {
            Path base = Path.of(config.directory().get());
            return Files.newInputStream(base.resolve(resource.substring("encoders/".length())));
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(m -> m.model().close());
    }
}
