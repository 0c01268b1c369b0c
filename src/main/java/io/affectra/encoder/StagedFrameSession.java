package io.affectra.encoder;

import io.affectra.media.VideoFrame;

/**
 * A video session whose work on a frame splits in two: {@link #prepare} reads no session state (a model pass over the
 * whole frame), so {@link FrameLanes} runs it on any free core, beside the session's work on earlier frames; then
 * {@link #accept(VideoFrame, Object)} runs in frame order, as {@link FrameCueSession#accept} does. The stateless part of
 * the slowest session (pose) so no longer waits for the stateful part of the frame before it.
 */
public interface StagedFrameSession<P> extends FrameCueSession {

    /** The part of the frame's work that reads and writes no session state; any thread, any order. */
    P prepare(VideoFrame frame);

    /** The rest, in frame order, with what {@link #prepare} made of this frame. */
    void accept(VideoFrame frame, P prepared);

    @Override
    default void accept(VideoFrame frame) {
        accept(frame, prepare(frame));
    }
}
