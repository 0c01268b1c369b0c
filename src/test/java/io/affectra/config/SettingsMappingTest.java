package io.affectra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.gateway.ModelsConfig;
import io.affectra.llm.BackendsConfig;
import io.affectra.media.LimitsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature maps its own part of {@code affectra.*}, and some mappings sit under others ({@code affectra} holds
 * {@code data-dir} and {@code default-backend}, {@code affectra.limits} the limits). Together they must take every
 * shipped setting and still refuse a misspelled one, as the server does at start (SRCFG00050), whether the name is
 * wrong inside a group or names no group at all.
 */
class SettingsMappingTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyShippedSettingMaps() {
        SmallRyeConfig config = config(Map.of());

        assertThat(config.getConfigMapping(LimitsConfig.class).maxMediaBytes()).isEqualTo(Long.parseLong(LimitsConfig.DEFAULT_MAX_MEDIA_BYTES));
        assertThat(config.getConfigMapping(DataConfig.class).dataDir()).isEqualTo("./target/test-data");
        assertThat(config.getConfigMapping(BackendsConfig.class).backends()).containsKeys("local", "down");
        assertThat(config.getConfigMapping(ModelsConfig.class).byId()).containsKeys("affectra-emo", "affectra-local");
    }

    @Test
    void aMisspelledSettingInAGroupIsReported() {
        assertThatThrownBy(() -> config(Map.of("affectra.limits.max-media-bytez", "5")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("affectra.limits.max-media-bytez in PropertiesConfigSource[source=typo] does not map to any root");
    }

    @Test
    void aSettingOfNoGroupIsReported() {
        assertThatThrownBy(() -> config(Map.of("affectra.limitz.max-media-bytes", "5")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("affectra.limitz.max-media-bytes in PropertiesConfigSource[source=typo] does not map to any root");
    }

    /** application.properties in the test profile, plus {@code extra}, read by every mapping of the main sources. */
    private static SmallRyeConfig config(Map<String, String> extra) {
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("test")
                    .withConverter(Duration.class, 200, new DurationConverter()) // "30s", as Quarkus reads it
                    .withSources(new PropertiesConfigSource(Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                    .withSources(new PropertiesConfigSource(extra, "typo", 260));
            mappings().forEach(builder::withMapping);
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code @ConfigMapping} interfaces under src/main/java, so that a new one is checked without being listed here. */
    private static List<Class<?>> mappings() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(SettingsMappingTest::declaresMapping)
                    .map(SettingsMappingTest::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean declaresMapping(Path file) {
        try {
            return Files.readString(file).contains("\n@ConfigMapping(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(Path file) {
        String name = MAIN.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        try {
            return Class.forName(name.substring(0, name.length() - ".java".length()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
