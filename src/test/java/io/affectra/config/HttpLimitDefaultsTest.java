package io.affectra.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpLimitDefaultsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new HttpLimitDefaults()).build();
    }

    @Test
    void theBodyLimitIsTheLargestMediaLimitPlusRoomForTheOtherParts() {
        SmallRyeConfig config = config(Map.of("affectra.limits.max-av-bytes", "1000000", "affectra.limits.max-media-bytes", "2000000"));

        assertThat(config.getValue(HttpLimitDefaults.MAX_BODY, Long.class)).isEqualTo(2_000_000 + HttpLimitDefaults.MULTIPART_OVERHEAD);
    }

    @Test
    void aTextFieldMayHoldTheWholeTranscriptInUtf8() {
        assertThat(config(Map.of("affectra.limits.max-transcript-chars", "1000")).getValue(HttpLimitDefaults.MAX_FORM_ATTRIBUTE, Long.class))
                .isEqualTo(5024L);
        assertThat(config(Map.of()).getValue(HttpLimitDefaults.MAX_FORM_ATTRIBUTE, Long.class)).isEqualTo(200_000L * 4 + 1024);
        assertThat(config(Map.of()).getValue(HttpLimitDefaults.MAX_BODY, Long.class)).isEqualTo(536_870_912L + HttpLimitDefaults.MULTIPART_OVERHEAD);
    }

    @Test
    void anExplicitTransportLimitWins() {
        assertThat(config(Map.of(HttpLimitDefaults.MAX_BODY, "123")).getValue(HttpLimitDefaults.MAX_BODY, Long.class)).isEqualTo(123L);
    }
}
