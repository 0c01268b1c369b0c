package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class JpegSizeTest {

    private static JpegSize imageIo(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, true, true);
                return new JpegSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void readsTheSizeImageIosReaderReadsFromEveryKindOfPhotograph() throws IOException {
        for (String name : new String[] {"sample1.jpg", "sample2.jpg", "sample3.jpg"}) {
            byte[] jpeg = TestMedia.bytes(name);
            assertThat(JpegSize.read(jpeg)).as(name).contains(imageIo(jpeg));
        }
        for (String name : new String[] {"friends.jpg", "group.jpg", "portrait.jpg"}) {
            byte[] jpeg = Files.readAllBytes(Path.of("examples", name));
            assertThat(JpegSize.read(jpeg)).as(name).contains(imageIo(jpeg));
        }
        // An EXIF segment before the frame header, as phones write it, and a progressive frame (FF C2).
        byte[] sideways = CraftedMedia.sidewaysWithExif("sample1.jpg");
        assertThat(JpegSize.read(sideways)).contains(new JpegSize(1280, 1920)).contains(imageIo(sideways));
        byte[] progressive = CraftedMedia.progressive("sample2.jpg");
        assertThat(progressive[CraftedMedia.frameHeader(progressive) + 1] & 0xFF).isEqualTo(0xC2);
        assertThat(JpegSize.read(progressive)).contains(imageIo(progressive));
    }

    @Test
    void readsWhatABombDeclaresWithoutDecodingIt() {
        assertThat(JpegSize.read(CraftedMedia.jpegDeclaring("sample1.jpg", 60_000, 50_000))).contains(new JpegSize(60_000, 50_000));
    }

    @Test
    void givesNothingWhereOnlyImageIoCanTell() {
        byte[] jpeg = TestMedia.bytes("sample1.jpg");
        int sof = CraftedMedia.frameHeader(jpeg);
        assertThat(JpegSize.read("not a jpeg at all".getBytes())).isEmpty();
        assertThat(JpegSize.read(Arrays.copyOf(jpeg, sof + 6))).as("cut inside the frame header").isEmpty();
        byte[] lossless = jpeg.clone();
        lossless[sof + 1] = (byte) 0xC3;
        assertThat(JpegSize.read(lossless)).as("a lossless frame, which the JDK's reader does not read").isEmpty();
        byte[] laterHeight = jpeg.clone();
        laterHeight[sof + 5] = 0;
        laterHeight[sof + 6] = 0;
        assertThat(JpegSize.read(laterHeight)).as("height left to a DNL marker").isEmpty();
        byte[] noFrame = jpeg.clone();
        noFrame[sof + 1] = (byte) 0xDA;
        assertThat(JpegSize.read(noFrame)).as("a scan before any frame header").isEmpty();
    }
}
