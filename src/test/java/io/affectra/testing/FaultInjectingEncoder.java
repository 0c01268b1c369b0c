package io.affectra.testing;

import io.affectra.gateway.media.EncodedMedia;
import io.affectra.gateway.media.LoadedMedia;
import io.affectra.gateway.media.MediaEncoder;
import io.affectra.gateway.media.MediaPart;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fault injector for the tests of the chat surface: every media encoder, when handed bytes that start with
 * {@link #MARKER}, fails as a bug would (an unexpected runtime exception), so that a test can check that an internal
 * error reaches the client as OpenAI's 500 with an error id and nothing of the exception. Any other bytes go to the
 * real encoder untouched.
 */
@Decorator
@Priority(1)
public abstract class FaultInjectingEncoder implements MediaEncoder {

    public static final String SECRET_DETAIL = "boom: internal detail that must not leak";
    public static final byte[] MARKER = "AFFECTRA-FAULT".getBytes(StandardCharsets.US_ASCII);

    @Inject
    @Delegate
    MediaEncoder delegate;

    @Override
    public boolean accepts(MediaPart.Kind kind) {
        return delegate.accepts(kind);
    }

    @Override
    public EncodedMedia encode(LoadedMedia media, EncodeOptions options) {
        byte[] bytes = media.bytes();
        if (bytes.length >= MARKER.length && Arrays.equals(bytes, 0, MARKER.length, MARKER, 0, MARKER.length)) {
            throw new IllegalStateException(SECRET_DETAIL);
        }
        return delegate.encode(media, options);
    }
}
