package io.affectra.api;

import io.affectra.encoder.EncoderManifest;
import io.affectra.encoder.EncodersConfig;
import io.affectra.encoder.ModelRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/encoders}: every shipped model, whether it is loaded, its licence and checksum. */
@Path("/v1/encoders")
public class EncoderResource {

    public record EncoderInfo(String id, String task, boolean loaded, int poolSize, String licence, boolean licenceVerified,
            String sha256, String upstream, String input, String output, List<String> labels) {
    }

    private final ModelRepository models;
    private final EncodersConfig config;

    public EncoderResource(ModelRepository models, EncodersConfig config) {
        this.models = models;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<EncoderInfo> list() {
        return models.catalog().stream().map(this::info).toList();
    }

    private EncoderInfo info(EncoderManifest m) {
        boolean loaded = models.isLoaded(m.id());
        return new EncoderInfo(m.id(), m.task(), loaded, loaded ? config.poolSize() : 0, m.licence(),
                m.licenceVerified(), m.sha256(), m.upstream(), m.input(), m.output(), m.labels());
    }
}
