package io.affectra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    @Test
    void plainSettingsTakeTheConfigurationDefaults() {
        BackendSettings local = BackendSettings.local();

        assertThat(local.timeout()).hasSeconds(60);
        assertThat(local.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
        assertThat(local.invalidAnswerRetries()).isEqualTo(1);
        assertThat(local.multimodal()).isFalse();
        assertThat(local.maxRetries()).isEqualTo(2);
        assertThat(local.retryBackoff()).hasMillis(200);
        assertThat(local.circuitBreakerFailures()).isEqualTo(5);
        assertThat(local.circuitBreakerDelay()).hasSeconds(30);
        assertThat(local.maxConnections()).isEqualTo(256);
    }
}
