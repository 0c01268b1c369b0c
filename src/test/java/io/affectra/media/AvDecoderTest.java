package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FFmpeg decoding of the generated clip (real photographs + espeak-ng speech) and its audio variants. */
@QuarkusTest
class AvDecoderTest {

    @Inject
    AvDecoder decoder;

    @Inject
    ImageDecoder images;

    @Test
    void probesTheClipFromItsHeader() {
        AvProbe probe = decoder.probe(TestMedia.file("people.mp4"));
        assertThat(probe.hasVideo()).isTrue();
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(900);
        assertThat(probe.durationMs()).isBetween(14_000L, 14_600L);
        assertThat(probe.videoCodec()).isEqualTo("h264");
    }

    @Test
    void samplesFramesAtTheRequestedRateAndTheyShowThePhotographs() {
        List<VideoFrame> frames = new ArrayList<>();
        int count = decoder.sampleFrames(TestMedia.file("people.mp4"), 2.0, frames::add);
        assertThat(count).isEqualTo(frames.size()).isBetween(23, 25); // 12 s of video (two 6 s stills) at 2 fps
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timestampMs() - frames.get(i - 1).timestampMs()).isBetween(440L, 560L);
        }
        // The frame at 1 s is sample3.jpg scaled to 1280x900: compare with the photograph itself.
        RgbImage frame = frames.get(2).image();
        RgbImage photo = images.decode(TestMedia.file("sample3.jpg")).pixels();
        assertThat(meanAbsDifference(frame, photo)).isLessThan(12.0);
        // And at 8 s it shows sample1.jpg, which differs from sample3.
        RgbImage later = frames.get(16).image();
        assertThat(meanAbsDifference(later, photo)).isGreaterThan(25.0);
    }

    @Test
    void sampledFramesHoldExactlyThePixelsOfFfmpegsBgr24Output() throws Exception {
        List<VideoFrame> frames = new ArrayList<>();
        decoder.sampleFrames(TestMedia.file("people.mp4"), 1.0, frames::add);
        List<RgbImage> reference = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestMedia.file("people.mp4").toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            Frame frame;
            int i = 0;
            while ((frame = grabber.grabImage()) != null && i < frames.size()) {
                if (frame.timestamp / 1000 == frames.get(i).timestampMs()) {
                    reference.add(Bgr24Reference.repack(frame));
                    i++;
                }
            }
        }
        assertThat(reference).hasSize(frames.size()).hasSizeGreaterThan(10);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).image().width()).isEqualTo(reference.get(i).width());
            assertThat(frames.get(i).image().pixels()).as("frame at %d ms", frames.get(i).timestampMs())
                    .isEqualTo(reference.get(i).pixels());
        }
    }

    @Test
    void decodingAheadGivesTheSameFramesInOrderAndStopsWhenTheConsumerFails() {
        List<Long> direct = new ArrayList<>();
        decoder.sampleFrames(TestMedia.file("people.mp4"), 4.0, f -> direct.add(f.timestampMs()));
        List<Long> ahead = new ArrayList<>();
        int count = decoder.sampleFramesAhead(TestMedia.file("people.mp4"), 4.0, f -> ahead.add(f.timestampMs()));
        assertThat(ahead).isEqualTo(direct).hasSize(count);

        int[] seen = {0};
        assertThatThrownBy(() -> decoder.sampleFramesAhead(TestMedia.file("people.mp4"), 4.0, f -> {
            if (++seen[0] == 5) {
                throw new IllegalStateException("encoder failed");
            }
        })).hasMessage("encoder failed");
        assertThat(seen[0]).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech.wav", "speech.mp3", "speech.ogg", "speech.m4a", "people.mp4"})
    void decodesEveryAudioContainerTo16kMono(String name) {
        long[] samples = {0};
        double[] peak = {0};
        decoder.streamAudio(TestMedia.file(name), chunk -> {
            samples[0] += chunk.length;
            for (float v : chunk) {
                peak[0] = Math.max(peak[0], Math.abs(v));
            }
        });
        assertThat(samples[0] / 16_000.0).isCloseTo(14.3, within(0.25));
        assertThat(peak[0]).isBetween(0.05, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"people.webm", "people.mov"})
    void readsWebmAndMov(String name) {
        AvProbe probe = decoder.probe(TestMedia.file(name));
        assertThat(probe.hasVideo()).isTrue();
        List<VideoFrame> frames = new ArrayList<>();
        decoder.sampleFrames(TestMedia.file(name), 2.0, frames::add);
        assertThat(frames).hasSizeBetween(5, 7);
    }

    @Test
    void refusesA16kFrameFromTheHeader() {
        assertThatThrownBy(() -> decoder.probe(TestMedia.file("huge-frame.avi")))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.type()).isEqualTo("video-frame-too-large");
                    assertThat(e.status()).isEqualTo(413);
                });
    }

    private static double meanAbsDifference(RgbImage a, RgbImage b) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < a.height(); y += 7) {
            for (int x = 0; x < a.width(); x += 7) {
                int bx = x * b.width() / a.width();
                int by = y * b.height() / a.height();
                int p = a.rgb(x, y);
                int q = b.rgb(bx, by);
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
                n += 3;
            }
        }
        return sum / (double) n;
    }
}
