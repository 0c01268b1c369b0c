package io.affectra.gateway.media;

import io.affectra.config.PrivacyConfig;
import io.affectra.cue.Cue;
import io.affectra.cue.CueRenderer;
import io.affectra.cue.CueSet;
import io.affectra.gateway.ChatConfig;
import io.affectra.gateway.ChatMode;
import io.affectra.gateway.ModelRoute;
import io.affectra.gateway.TokenEstimate;
import io.affectra.media.MediaException;
import io.affectra.prompt.PromptRef;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.RenderedPrompt;
import io.affectra.prompt.context.ChatCuePromptContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs a chat's media parts through their encoders and renders the cue context from the model's template. With
 * several media parts, cue ids carry the part's index ({@code I2.F1.expr}) so that they stay unique and citable; with
 * one, they are the same as on {@code /v1/emotion/analyze} ({@code F1.expr}). The user's latest words follow the media's
 * cues as {@code U1} and {@code U1.emotion} (see {@link UserWords}). Blocking: call it on a worker thread.
 */
@Singleton
public class MediaCues {

    /** The template that supplies placeholders where a model has no template of its own (pass-through ids). */
    public static final String DEFAULT_TEMPLATE = "chat/cue-context";

    private static final Logger LOG = Logger.getLogger(MediaCues.class);

    private final MediaLoader loader;
    private final List<MediaEncoder> encoders;
    private final PromptRegistry prompts;
    private final CueRenderer renderer;
    private final PrivacyConfig privacy;
    private final ChatConfig chat;
    private final EncodedMediaCache cache;
    private final UserWords userWords;

    public MediaCues(MediaLoader loader, Instance<MediaEncoder> encoders, PromptRegistry prompts, CueRenderer renderer,
            PrivacyConfig privacy, ChatConfig chat, EncodedMediaCache cache, UserWords userWords) {
        this.userWords = userWords;
        this.cache = cache;
        this.loader = loader;
        this.encoders = encoders.stream().toList();
        this.prompts = prompts;
        this.renderer = renderer;
        this.privacy = privacy;
        this.chat = chat;
    }

    /** Whether privacy lets media reach a backend that reads it, for this model. */
    public boolean mediaMayGo(ModelRoute route) {
        return privacy.forwardMedia() && !deidentify(route);
    }

    /**
     * What can be refused before any work: too many parts, forbidden URLs, a kind no encoder reads going to a backend
     * that cannot read it either. Cheap; runs on the event loop.
     *
     * @param forwarded whether the media will reach the (first) backend
     */
    public void check(List<MediaPart> parts, ModelRoute route, boolean forwarded) {
        requireWithinPartLimit(parts);
        for (MediaPart part : parts) {
            loader.check(part);
            if (route.cues() && encoder(part.kind()) == null && !forwarded) {
                throw new MediaRejected(400, "unsupported-content-part", part.param(), "This server has no " + part.kind().noun()
                        + " encoder yet and model '" + route.id() + "' does not read " + part.kind().partType()
                        + " parts, so the part would be lost. Send images, or use a model whose backend reads this media.");
            }
        }
    }

    /** {@link #build(List, ModelRoute, boolean, String)} without the user's words. */
    public CueContext build(List<MediaPart> parts, ModelRoute route, boolean forwarded) {
        return build(parts, route, forwarded, null);
    }

    /**
     * Loads and encodes every part (when the model wants cues) and renders the context.
     *
     * @param forwarded whether the media will reach the (first) backend, as the context says so
     * @param userText  the user's latest words ({@link UserWords#latest}), read as cues beside the media's; null for none
     */
    public CueContext build(List<MediaPart> parts, ModelRoute route, boolean forwarded, String userText) {
        // Every mode comes through here (answer mode skips check): no part is loaded or encoded past the limit.
        requireWithinPartLimit(parts);
        boolean deidentify = deidentify(route);
        boolean encode = route.cues() || route.mode() == ChatMode.ANSWER;
        List<Cue> cues = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        Map<Integer, Boolean> measured = new HashMap<>();
        int faces = 0;
        for (MediaPart part : parts) {
            MediaEncoder encoder = encode ? encoder(part.kind()) : null;
            if (encoder == null) {
                if (encode) {
                    warnings.add("no " + part.kind().noun() + " encoder on this server: " + part.label() + " has no cues");
                    lines.add(part.label() + ": not measured (no " + part.kind().noun() + " encoder)");
                }
                measured.put(part.index(), false);
                continue;
            }
            EncodedMedia encoded;
            try {
                LoadedMedia loaded = loader.load(part);
                MediaEncoder.EncodeOptions options = new MediaEncoder.EncodeOptions(route.facialPriors() && !deidentify, deidentify);
                encoded = cache.get(encoder.key(loaded, options), () -> encoder.encode(loaded, options));
            } catch (MediaException e) {
                throw new MediaRejected(e.status() == 413 ? 413 : 400, e.type(), part.param(),
                        "The " + part.label() + " cannot be used: " + e.getMessage());
            }
            String prefix = parts.size() > 1 ? "I" + part.index() + "." : "";
            encoded.cues().forEach(c -> cues.add(prefixed(c, prefix)));
            lines.add(part.label() + ": " + encoded.summary());
            encoded.warnings().forEach(w -> warnings.add(part.label() + ": " + w));
            encoded.withheld().forEach(w -> withheld.add(part.label() + ": " + w));
            faces += encoded.faces();
            measured.put(part.index(), true);
        }
        if (encode && !parts.isEmpty()) {
            cues.addAll(userWords.cues(userText));
        }
        CueSet cueSet = CueSet.of(cues);
        String text = null;
        PromptRef ref = null;
        String template = route.prompt() == null ? DEFAULT_TEMPLATE : route.prompt();
        ChatCuePromptContext context = new ChatCuePromptContext(renderer.render(cueSet), String.join("\n", lines), parts.size(), faces,
                String.join("; ", withheld), forwarded, "", false);
        if (route.cues() && !parts.isEmpty() && route.mode() == ChatMode.CHAT) {
            // A variant the request chose (key "chat") takes the place of the model's template here and below.
            RenderedPrompt rendered = prompts.render(template, context, route.prompts());
            text = rendered.system();
            ref = rendered.template();
        }
        Map<Integer, String> placeholders = new HashMap<>();
        for (MediaPart part : parts) {
            boolean cuesShown = measured.getOrDefault(part.index(), false) && text != null;
            placeholders.put(part.index(), prompts.render(template, context.forPart(part.label(), cuesShown), route.prompts()).user());
        }
        if (!warnings.isEmpty()) {
            LOG.debugf("model %s: %s", route.id(), warnings);
        }
        return new CueContext(cueSet, faces, text, TokenEstimate.of(text), ref, placeholders, mediaMayGo(route), warnings, withheld);
    }

    private void requireWithinPartLimit(List<MediaPart> parts) {
        if (parts.size() > chat.maxMediaParts()) {
            throw new MediaRejected(400, "too-many-media-parts", "messages", "The request has " + parts.size()
                    + " media parts; the limit is " + chat.maxMediaParts() + " (affectra.chat.max-media-parts).");
        }
    }

    private boolean deidentify(ModelRoute route) {
        return route.deidentify() || privacy.forceDeidentify();
    }

    private MediaEncoder encoder(MediaPart.Kind kind) {
        for (MediaEncoder encoder : encoders) {
            if (encoder.accepts(kind)) {
                return encoder;
            }
        }
        return null;
    }

    private static Cue prefixed(Cue cue, String prefix) {
        if (prefix.isEmpty()) {
            return cue;
        }
        return new Cue(prefix + cue.id(), cue.modality(), cue.source(), prefix + cue.subject(), cue.type(), cue.label(), cue.score(),
                cue.region(), cue.span(), cue.values());
    }
}
