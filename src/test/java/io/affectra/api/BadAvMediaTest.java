package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broken and hostile video and audio: each a clear problem, and the server stays healthy. */
@QuarkusTest
class BadAvMediaTest {

    private static void expect(RequestSpecification request, int status, String slug) {
        request.when().post("/v1/emotion/analyze")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:affectra:problem:" + slug));
    }

    @AfterEach
    void serverStaysHealthy() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void truncatedVideo() {
        byte[] all = TestMedia.bytes("people.mp4");
        Path cut = CraftedMedia.write("truncated-people.mp4", Arrays.copyOf(all, all.length * 2 / 5));
        expect(given().multiPart("media", cut.toFile(), "video/mp4"), 422, "corrupt-media");
    }

    @Test
    void aVideoThatCannotBeOpenedIsCalledAVideoNotAnImage() {
        byte[] mp4 = TestMedia.bytes("people.mp4");
        byte[] broken = Arrays.copyOf(mp4, 4096);
        new java.util.Random(3).nextBytes(broken);
        System.arraycopy(mp4, 0, broken, 0, 32); // the ftyp box: sniffed as MP4, then unreadable
        Path file = CraftedMedia.write("garbled.mp4", broken);
        given().multiPart("media", file.toFile(), "video/mp4").when().post("/v1/emotion/analyze")
                .then().statusCode(422)
                .body("type", equalTo("urn:affectra:problem:corrupt-media"))
                .body("detail", containsString("video"))
                .body("detail", not(containsString("image")));
    }

    @Test
    void audioOnlyFileSentAsVideo() {
        expect(given().multiPart("media", TestMedia.file("speech.m4a").toFile(), "video/mp4"), 415, "no-video-stream");
    }

    @Test
    void zeroLengthVideo() {
        expect(given().multiPart("media", "clip.mp4", new byte[0], "video/mp4"), 400, "empty-media");
    }

    @Test
    void tenHourDurationHeader() {
        expect(given().multiPart("media", CraftedMedia.mp3DeclaringHours(10).toFile(), "audio/mpeg"), 413, "media-too-long");
    }

    @Test
    void sixteenThousandSquareFrames() {
        expect(given().multiPart("media", TestMedia.file("huge-frame.avi").toFile(), "video/x-msvideo"), 413, "video-frame-too-large");
    }

    @Test
    void longerThanTheSynchronousLimitGoesToJobs() {
        // One hour fits the media limit (2 h) but not the synchronous one (10 minutes).
        expect(given().multiPart("media", CraftedMedia.mp3DeclaringHours(1).toFile(), "audio/mpeg"), 413, "use-jobs");
    }
}
