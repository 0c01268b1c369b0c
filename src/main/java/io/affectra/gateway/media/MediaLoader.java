package io.affectra.gateway.media;

import io.affectra.gateway.ChatConfig;
import io.affectra.media.LimitsConfig;
import io.affectra.media.MediaKind;
import io.affectra.media.MediaSniffer;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a media part into bytes: decodes {@code data:} URIs (and {@code input_audio}'s bare base64), fetches remote
 * URLs only where {@link RemoteMediaPolicy} allows (the URL in its normal form, within one deadline for the whole
 * download: {@code affectra.chat.remote-media.timeout}), and enforces {@code affectra.limits.max-media-bytes} before
 * decoding or downloading more than that. Blocking (runs on a worker thread with the encoders).
 */
@Singleton
public class MediaLoader {

    private final long maxBytes;
    private final RemoteMediaPolicy policy;
    private final Duration timeout;
    private final HttpClient http;

    @Inject
    public MediaLoader(LimitsConfig limits, ChatConfig chat) {
        this(limits.maxMediaBytes(), new RemoteMediaPolicy(chat.remoteMedia().allow().orElse(List.of())), chat.remoteMedia().timeout());
    }

    public MediaLoader(long maxBytes, RemoteMediaPolicy policy, Duration timeout) {
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.timeout = timeout;
        this.http = policy.isOpen()
                ? HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build()
                : null;
    }

    /** Checks what can be checked without reading: an address to refuse, a missing URL. Cheap; any thread. */
    public void check(MediaPart part) {
        if (part.url() == null || part.url().isBlank()) {
            throw new MediaRejected(400, "invalid-media", part.param(), "The " + part.kind().partType() + " part has no "
                    + (part.kind() == MediaPart.Kind.AUDIO ? "data" : "url") + ".");
        }
        if (part.remote() && !policy.allows(part.url())) {
            throw notAllowed(part);
        }
    }

    public LoadedMedia load(MediaPart part) {
        check(part);
        byte[] bytes = part.remote() ? fetch(part) : decode(part);
        if (bytes.length == 0) {
            throw new MediaRejected(400, "invalid-media", part.param(), "The " + part.label() + " is empty.");
        }
        return new LoadedMedia(part, bytes, MediaSniffer.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, MediaSniffer.HEADER_BYTES))));
    }

    private byte[] decode(MediaPart part) {
        String url = part.url();
        String data = url;
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = url.indexOf(',');
            if (comma < 0 || !url.substring(0, comma).toLowerCase().endsWith(";base64")) {
                throw new MediaRejected(400, "invalid-media", part.param(),
                        "A media data: URI must be base64-encoded: data:<type>;base64,<data>.");
            }
            data = url.substring(comma + 1);
        }
        // 4 base64 characters carry 3 bytes: refuse an oversized part before decoding it.
        long declared = (long) data.length() / 4 * 3;
        if (declared > maxBytes + 3) {
            throw tooLarge(part, declared);
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new MediaRejected(400, "invalid-media", part.param(), "The " + part.label() + " is not valid base64: " + e.getMessage());
        }
    }

    private byte[] fetch(MediaPart part) {
        URI url = policy.permitted(part.url()).orElseThrow(() -> notAllowed(part));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        // The request timeout ends with the response headers; a server that then trickles the body is held to the same deadline.
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                info -> info.statusCode() == 200 ? new LimitedBody(maxBytes) : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new MediaRejected(400, "remote-media-unavailable", part.param(),
                        "Fetching the " + part.label() + " answered HTTP " + response.statusCode() + " (redirects are not followed).");
            }
            return response.body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new MediaRejected(400, "remote-media-unavailable", part.param(), "Fetching the " + part.label() + " took longer than "
                    + timeout.toMillis() + " ms (affectra.chat.remote-media.timeout).");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBody.TooLarge large) {
                throw tooLarge(part, large.size());
            }
            throw new MediaRejected(400, "remote-media-unavailable", part.param(), "The " + part.label() + " could not be fetched: "
                    + (cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new MediaRejected(400, "remote-media-unavailable", part.param(), "Fetching the " + part.label() + " was interrupted.");
        }
    }

    private static MediaRejected notAllowed(MediaPart part) {
        return new MediaRejected(400, "remote-media-not-allowed", part.param(), "Remote media URLs are not fetched by this "
                + "server (they could reach its private network). Send the " + part.kind().noun() + " inline as a data: URI "
                + "(data:image/jpeg;base64,...), or ask the operator to allow this URL prefix (affectra.chat.remote-media.allow).");
    }

    private MediaRejected tooLarge(MediaPart part, long size) {
        return new MediaRejected(413, "media-too-large", part.param(),
                "The " + part.label() + " is about " + size + " bytes; the limit is " + maxBytes + " bytes.");
    }

    /** The kinds the image encoders read (the decoder has no WebP reader). */
    static boolean readableImage(MediaKind kind) {
        return kind.isImage() && kind != MediaKind.WEBP;
    }
}
