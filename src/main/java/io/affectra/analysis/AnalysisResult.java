package io.affectra.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.cue.Cue;
import io.affectra.encoder.audio.VoiceReport;
import io.affectra.encoder.body.BodyReport;
import io.affectra.encoder.body.GestureEvent;
import io.affectra.encoder.body.Skeleton;
import io.affectra.encoder.face.FaceTrack;
import io.affectra.encoder.text.TranscriptSegment;
import io.affectra.encoder.face.FaceReport;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.prompt.PromptRef;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.ReasoningStep;
import io.affectra.vocabulary.EmotionAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to one analysis, as returned and as stored (never with the media, face crops or pixels).
 *
 * @param faces     a still's faces, each with its key landmarks (none in de-identified mode: no face model runs)
 * @param bodies    a still's people with their pose keypoints and hands; absent when nobody was found and for clips
 * @param skeleton  how the bodies' points are joined when drawn; present with {@code bodies}
 * @param reasoning what a multi-step strategy did (retrieved knowledge, verification, steps); absent for single-pass
 *                  strategies unless {@code explain} was asked for
 */
public record AnalysisResult(
        String id,
        Instant createdAt,
        Media media,
        List<FaceReport> faces,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BodyReport> bodies,
        @JsonInclude(JsonInclude.Include.NON_NULL) Skeleton skeleton,
        List<Cue> cues,
        EmotionAnswer answer,
        String backend,
        String model,
        String strategy,
        PromptRef prompt,
        Usage usage,
        Privacy privacy,
        List<String> warnings,
        Map<String, Double> timings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Temporal temporal,
        @JsonInclude(JsonInclude.Include.NON_NULL) Reasoning reasoning) {

    public AnalysisResult(String id, Instant createdAt, Media media, List<FaceReport> faces, List<Cue> cues, EmotionAnswer answer,
            String backend, String model, String strategy, PromptRef prompt, Usage usage, Privacy privacy, List<String> warnings,
            Map<String, Double> timings) {
        this(id, createdAt, media, faces, List.of(), null, cues, answer, backend, model, strategy, prompt, usage, privacy, warnings, timings, null,
                null);
    }

    /**
     * @param knowledge    facts retrieved as emotion knowledge, with their similarity scores (PEP-MEK)
     * @param verification the cited clues kept and dropped, each with its reason (PEP-MEK)
     * @param steps        every step with its prompt and reply, when {@code explain} was asked for
     */
    public record Reasoning(
            List<KnowledgeHit> knowledge,
            @JsonInclude(JsonInclude.Include.NON_NULL) ClueVerification verification,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ReasoningStep> steps) {
    }

    /** What was analysed; duration and streams only for video and audio. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String type, int width, int height, Long durationMs, Boolean hasVideo, Boolean hasAudio) {

        public static Media image(String type, int width, int height) {
            return new Media(type, width, height, null, null, null);
        }
    }

    /**
     * Video and audio only: faces followed over time, body gestures and postures, the voice, the transcript on the time line, and one
     * answer per analysis window (the top-level answer aggregates them).
     *
     * @param transcription the transcription backend and model that heard the transcript ({@code stt/whisper-1}); absent when
     *                      the words are the client's, or there are none
     */
    public record Temporal(double fps, long windowMs, List<FaceTrack> faceTracks, List<GestureEvent> gestures, VoiceReport voice,
            List<TranscriptSegment> transcript, @JsonInclude(JsonInclude.Include.NON_NULL) String transcription,
            List<WindowAnswer> timeline) {
    }

    public record Usage(int promptTokens, int completionTokens, int attempts) {
    }

    /** What de-identified mode withheld, so the caller knows the answer rests on less. */
    public record Privacy(boolean deidentified, List<String> withheld) {
    }
}
