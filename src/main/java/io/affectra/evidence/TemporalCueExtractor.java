package io.affectra.evidence;

import io.affectra.config.DataConfig;
import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.EncoderExecutor;
import io.affectra.encoder.FrameLanes;
import io.affectra.encoder.FrameCueSession;
import io.affectra.encoder.audio.VoiceAnalyzer;
import io.affectra.encoder.audio.VoiceCues;
import io.affectra.encoder.audio.VoiceReport;
import io.affectra.encoder.audio.VoiceSession;
import io.affectra.encoder.body.BodyAnalyzer;
import io.affectra.encoder.body.BodyTrackSession;
import io.affectra.encoder.face.FaceAnalyzer;
import io.affectra.encoder.face.FaceOptions;
import io.affectra.encoder.face.FaceStillEncoder;
import io.affectra.encoder.face.FaceTrackSession;
import io.affectra.encoder.speech.Heard;
import io.affectra.encoder.speech.Transcription;
import io.affectra.encoder.speech.TranscriptionPlan;
import io.affectra.encoder.speech.WavRecorder;
import io.affectra.encoder.text.TextEmotionEncoder;
import io.affectra.encoder.text.TranscriptAligner;
import io.affectra.encoder.text.TranscriptBounds;
import io.affectra.encoder.text.TranscriptParser;
import io.affectra.encoder.text.TranscriptSegment;
import io.affectra.media.AvDecoder;
import io.affectra.media.AvProbe;
import io.affectra.media.DecodeLimit;
import io.affectra.media.MediaException;
import io.affectra.media.VideoFrame;
import io.affectra.timing.StageClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The encoder side of video and audio: the audio streams through VAD and prosody (and, where a transcription backend
 * is to hear it, into a private WAV file that is deleted as soon as the backend has answered), the transcript (the
 * client's, or what the backend heard) is aligned to the speech, the sampled frames stream through the frame encoders,
 * and the time line is cut into windows (EALD). At the end of each window the encoders summarise it into cues and
 * forget its frames, so memory depends on the number of people, not on the duration. What a window's cues become (an
 * answer, a chat's context) is the caller's business: {@link EvidenceExtractor} is the only one.
 * The time line is what is decoded, not what the header declares: a clip that runs longer than its header says gets
 * windows up to its real end (and is refused past its {@link DecodeLimit}). Blocking: call it on a worker thread.
 */
@ApplicationScoped
class TemporalCueExtractor {

    /**
     * What was read and measured: the cues themselves went to the {@link EvidenceWindow.Sink}.
     *
     * @param durationMs  the time line's length: the header's duration, or the last decoded timestamp when the media ran longer
     * @param provisional the speech was to be heard and was not (the backend failed): not worth remembering
     */
    record Extraction(long durationMs, Timeline timeline, List<String> warnings, List<String> withheld, Map<String, Double> timings,
            boolean provisional) {
    }

    private final AvDecoder decoder;
    private final FaceAnalyzer faces;
    private final VoiceAnalyzer voice;
    private final BodyAnalyzer body;
    private final EncoderExecutor executor;
    /**
     * How many sampled frames a session may lag behind decoding: enough to even out frames that cost one session more
     * than the other (hands run on every 2nd frame), few enough that the frames held stay a few megabytes each.
     */
    static final int FRAMES_PER_LANE = 4;
    private final TextEmotionEncoder textEmotion;
    private final Transcription transcription;
    /** Where recordings for transcription live while the backend hears them: emptied at every start. */
    private final Path spool;

    /**
     * How far past the header's duration decoded media may end and still be the header's length (the last frame's
     * duration, audio padding): no extra sliver of a window, no warning.
     */
    static final long HEADER_SLACK_MS = 1_000;

    public TemporalCueExtractor(AvDecoder decoder, FaceAnalyzer faces, VoiceAnalyzer voice, BodyAnalyzer body, EncoderExecutor executor,
            TextEmotionEncoder textEmotion, Transcription transcription, DataConfig data) {
        this.transcription = transcription;
        this.spool = Path.of(data.dataDir(), "spool");
        this.decoder = decoder;
        this.faces = faces;
        this.voice = voice;
        this.body = body;
        this.executor = executor;
        this.textEmotion = textEmotion;
    }

    /**
     * @param transcript  plain text, SRT or WebVTT; empty for none
     * @param speech      who hears the speech when there is any ({@link TranscriptionPlan#NONE} where a transcript was sent)
     * @param deidentify  no face model runs (body language, voice and words still do)
     * @param windowMs    window length; null for the whole clip as one window, with cue ids as on a still ({@code P1.g1},
     *                    {@code V2}) since there is only one window
     * @param limit       how far decoding may go (the synchronous limit, or the media limit for jobs)
     */
    Extraction extract(Path media, AvProbe probe, DecodeLimit limit, String transcript, TranscriptionPlan speech, boolean deidentify,
            double fps, Long windowMs, ExtractionProgress listener, EvidenceWindow.Sink sink) {
        boolean prefixWindows = windowMs != null;
        // One window however long the media turns out to be: the window length is the decode limit's reach.
        long window = windowMs != null ? windowMs : Math.max(probe.durationMs(), limit.stopAtMs()) + 1;
        long declared = probe.durationMs();
        long duration = Math.max(1, declared);
        StageClock clock = new StageClock();
        List<String> warnings = new ArrayList<>();
        List<String> withheld = new ArrayList<>();

        VoiceReport voiceReport = null;
        long audioMs = 0;
        Heard heard = null;
        boolean unheard = false;
        if (probe.hasAudio()) {
            VoiceSession session = voice.open();
            // The recording is deleted when this block ends, however it ends: the backend has answered by then.
            try (WavRecorder recording = record(speech, warnings)) {
                Consumer<float[]> audio = recording == null ? session::accept : chunk -> {
                    session.accept(chunk);
                    recording.accept(chunk);
                };
                audioMs = decoder.streamAudio(media, limit, audio) * 1000 / AvDecoder.SAMPLE_RATE;
                duration = extended(duration, declared, audioMs);
                voiceReport = session.finish();
                listener.progress("audio", probe.hasVideo() ? 0.15 : 0.5, null);
                clock.lap("audio");
                if (!voiceReport.segments().isEmpty()) {
                    heard = hear(speech, recording, warnings, withheld, listener, probe.hasVideo() ? 0.15 : 0.5);
                    unheard = speech.runs() && (heard == null || !heard.heard());
                    if (speech.runs()) {
                        clock.lap("transcription");
                    }
                }
            }
        } else {
            warnings.add("no audio track: no voice cues");
            clock.lap("audio");
        }

        // Only the audio is decoded yet: a video that runs past its header shows that only as its frames arrive, while the
        // windows are being answered, so the cues are checked against the header's (or the audio's) end.
        long known = declared > 0 || audioMs > 0 ? duration : 0;
        boolean transcribed = heard != null && heard.heard();
        // Heard words take the way a client's transcript takes: onto the time line, into their windows.
        List<TranscriptSegment> said = !transcript.isEmpty() ? TranscriptParser.parse(transcript)
                : transcribed ? heard.transcript().segments() : List.of();
        List<TranscriptSegment> segments = said.isEmpty() ? List.of()
                : TranscriptAligner.align(TranscriptBounds.keep(said, known, warnings),
                        voiceReport == null ? List.of() : voiceReport.segments(), duration);
        clock.lap("transcript");

        List<FrameCueSession> sessions = new ArrayList<>();
        FaceTrackSession faceSession = null;
        BodyTrackSession bodySession = null;
        if (probe.hasVideo() && body.enabled()) {
            // Body language is not face-derived: it stays on in de-identified mode (it is what DEEMO reads).
            bodySession = body.openVideoSession();
            sessions.add(bodySession);
        }
        if (probe.hasVideo()) {
            if (deidentify) {
                withheld.add(PrivacyNotes.withheld("face", FaceStillEncoder.MEASURES));
            } else {
                faceSession = faces.openVideoSession(new FaceOptions(false));
                sessions.add(faceSession);
            }
        }

        Windows windows = new Windows(voiceReport, segments, transcribed ? speech.source() : "transcript", sessions, window, declared,
                duration, sink, prefixWindows);
        int frames = 0;
        if (probe.hasVideo()) {
            try (FrameLanes lanes = executor.lanes(sessions, FRAMES_PER_LANE)) {
                windows.lanes = lanes;
                frames = decoder.sampleFramesAhead(media, fps, limit, windows::frame);
                lanes.drain();
            }
            if (frames == 0) {
                throw new MediaException("corrupt-media", 422, "The video stream holds no decodable frame.");
            }
            if (windows.lastFrameMs < declared * 0.8 - 2_000) {
                throw new MediaException("corrupt-media", 422, "The video ends at " + windows.lastFrameMs / 1000
                        + " s but its header declares " + declared / 1000 + " s: the file is truncated.");
            }
        }
        windows.closeUntil(windows.end);
        if (declared > 0 && windows.end > declared) {
            warnings.add(String.format(Locale.ROOT, "the header declares %.1f s but the media runs %.1f s: the decoded length is used",
                    declared / 1000.0, windows.end / 1000.0));
        }
        clock.lap("windows");

        Map<String, Double> timings = new LinkedHashMap<>(clock.laps());
        sessions.forEach(s -> s.timings().forEach((k, v) -> timings.merge(k, Math.round(v * 100) / 100.0, Double::sum)));
        Timeline timeline = new Timeline(windows.closed, frames, voiceReport, segments, faceSession == null ? List.of() : faceSession.tracks(),
                bodySession == null ? List.of() : bodySession.events(), transcribed ? speech.key() : null);
        return new Extraction(windows.end, timeline, warnings, withheld, timings, unheard);
    }

    /** A recording of the decoded audio for the plan's backend, or null when none is to hear it (or it cannot be made). */
    private WavRecorder record(TranscriptionPlan speech, List<String> warnings) {
        if (!speech.runs()) {
            return null;
        }
        try {
            return WavRecorder.create(spool, AvDecoder.SAMPLE_RATE);
        } catch (IOException e) {
            warnings.add(unrecorded(e));
            return null;
        }
    }

    /**
     * The speech (there is some) as the plan's backend heard it, or null; what stood in the way goes into the warnings
     * (no backend, a failure) or the withheld notes (privacy).
     */
    private Heard hear(TranscriptionPlan speech, WavRecorder recording, List<String> warnings, List<String> withheld,
            ExtractionProgress listener, double fraction) {
        if (!speech.runs()) {
            if (speech.warning() != null) {
                warnings.add(speech.warning());
            }
            if (speech.withheld() != null) {
                withheld.add(speech.withheld());
            }
            return null;
        }
        if (recording == null) {
            return null;
        }
        Path wav;
        try {
            wav = recording.finish();
        } catch (IOException e) {
            warnings.add(unrecorded(e));
            return null;
        }
        listener.progress("transcription", fraction, null);
        Heard heard = transcription.transcribe(speech, wav);
        if (!heard.heard()) {
            warnings.add(heard.warning());
        }
        return heard;
    }

    private static String unrecorded(IOException e) {
        return "no words were used: the audio could not be recorded for transcription (" + e.getMessage() + ")";
    }

    /**
     * The time line's end once {@code decodedMs} has been decoded: the header's duration while decoding stays within a
     * slack of it, else the last decoded timestamp.
     */
    static long extended(long end, long declared, long decodedMs) {
        return decodedMs > declared + (declared > 0 ? HEADER_SLACK_MS : 0) ? Math.max(end, decodedMs) : end;
    }

    /** Cuts the time line into windows as frames arrive, and hands each window's cues on when it closes. */
    private final class Windows {
        final VoiceReport voice;
        final List<TranscriptSegment> transcript;
        /** What the transcript cues name as their source: the client's transcript, or the backend that heard it. */
        final String transcriptSource;
        final List<FrameCueSession> sessions;
        final long windowMs;
        final long declared;
        final EvidenceWindow.Sink sink;
        final boolean prefixWindows;
        /** The end of the time line so far: the header's (or the audio's) until a frame lies past it. */
        long end;
        long windowStart;
        long lastFrameMs;
        int closed;
        /** Where frames go while the video is decoded; null before (audio-only media never has any). */
        FrameLanes lanes;

        Windows(VoiceReport voice, List<TranscriptSegment> transcript, String transcriptSource, List<FrameCueSession> sessions,
                long windowMs, long declared, long end, EvidenceWindow.Sink sink, boolean prefixWindows) {
            this.transcriptSource = transcriptSource;
            this.prefixWindows = prefixWindows;
            this.voice = voice;
            this.transcript = transcript;
            this.sessions = sessions;
            this.windowMs = windowMs;
            this.declared = declared;
            this.end = end;
            this.sink = sink;
        }

        void frame(VideoFrame frame) {
            end = extended(end, declared, frame.timestampMs());
            while (frame.timestampMs() >= windowStart + windowMs && windowStart + windowMs < end) {
                close(windowStart + windowMs);
            }
            // Face and body sessions are independent: each keeps its own core busy, on its own lane.
            lanes.submit(frame);
            lastFrameMs = frame.timestampMs();
        }

        void closeUntil(long until) {
            while (windowStart < until) {
                close(Math.min(until, windowStart + windowMs));
            }
        }

        private void close(long end) {
            // The sessions' accumulators are read here: every frame before the window's end must have been seen.
            if (lanes != null) {
                lanes.drain();
            }
            TimeSpan span = new TimeSpan(windowStart, end);
            int index = closed + 1;
            String prefix = prefixWindows ? "W" + index + "." : "";
            List<Cue> cues = new ArrayList<>();
            for (FrameCueSession s : sessions) {
                cues.addAll(s.closeWindow(span, prefix));
            }
            if (voice != null) {
                cues.addAll(VoiceCues.of(voice, span, prefix));
            }
            StringBuilder words = new StringBuilder();
            for (TranscriptSegment t : transcript) {
                if (t.endMs() >= span.startMs() && t.startMs() < span.endMs()) {
                    TimeSpan at = new TimeSpan(t.startMs(), t.endMs());
                    cues.add(new Cue(prefix + "T" + t.index(), Modality.TEXT, t.timed() ? transcriptSource : transcriptSource + " (aligned)",
                            "speaker", CueType.TRANSCRIPT, t.text(), 1.0, null, at, Map.of()));
                    cues.addAll(textEmotion.cues(prefix + "T" + t.index(), t.text(), at));
                    words.append(words.isEmpty() ? "" : " ").append(t.text());
                }
            }
            closed = index;
            windowStart = end;
            sink.accept(new EvidenceWindow(index, span, cues, words.isEmpty() ? null : words.toString()));
        }
    }
}
