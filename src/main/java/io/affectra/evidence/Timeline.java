package io.affectra.evidence;

import io.affectra.encoder.audio.VoiceReport;
import io.affectra.encoder.body.GestureEvent;
import io.affectra.encoder.face.FaceTrack;
import io.affectra.encoder.text.TranscriptSegment;
import java.util.List;

/**
 * What a clip's encoders followed over time, beside its cues.
 *
 * @param windows    windows closed
 * @param frames     frames sampled
 * @param voice      voice activity and prosody, or null without audio
 * @param transcript the transcript's segments as aligned to the speech: the client's, or what a transcription backend heard
 * @param transcription the transcription backend and model that heard {@code transcript} ({@code stt/whisper-1}); null
 *                   when the words are the client's, or there are none
 */
public record Timeline(int windows, int frames, VoiceReport voice, List<TranscriptSegment> transcript, List<FaceTrack> faceTracks,
        List<GestureEvent> gestures, String transcription) {
}
