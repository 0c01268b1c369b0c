package io.affectra.encoder.speech;

/** How a speech-to-text backend is reached. */
public enum TranscriptionKind {
    /**
     * {@code POST {base}/v1/audio/transcriptions}, multipart, {@code response_format=verbose_json} with segment
     * timestamps: OpenAI, vLLM, whisper.cpp's server, faster-whisper servers.
     */
    OPENAI
}
