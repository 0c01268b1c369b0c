package io.affectra.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1/backends", "/v1/backends/", "/v1/models/vllm/Qwen/Qwen2.5-VL-7B-Instruct",
            "/q/health/live", "/v1/knowledge/search", "/v1/emotion/jobs/6f0c-11/events", "/v1/models/a%20b", "/v1/x..y",
            "/v1/.well-known", "/V1/backends", "/v1/models/gw%2Fstub-model", "/v1%2fbackends",
            // Decided by the one-pass check of plain paths (letters, digits, -_~ and single slashes).
            "/v1/chat/completions", "/v1/Models-2_x~y/", "/v1/models/gw%2Fstub-model/"})
    void canonicalPathsPass(String path) {
        assertThat(CanonicalPath.problem(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1/backends", "//v1/backends", "/v1//backends", "/./v1/backends", "/v1/./backends",
            "/v1/../v1/backends", "/x/../v1/backends", "/v1/backends/..", "/%2e/v1/backends", "/%2E%2e/v1/backends",
            "/v1/%2e%2e/q/health", "/q/health%2F..%2F..%2Fv1", "/v1/a%2F.", "/v1%5cbackends", "/v1\\backends", "/%761/backends",
            "/v%31/backends", "/v1/backend%73", "/v1;x/emotion/analyze", "/v1/chat/completions;x", "/v1/backends;",
            "/v1/%7ebackends", "/v1/backends%", "/v1/backends%2", "/v1/backends%zz", "/q/..;/v1/backends",
            // Plain but for one thing: a doubled slash anywhere but a single trailing one, or a dot segment.
            "/v1/backends//", "//", "/v1/chat/completions/.", "/v1/chat/.."})
    void trickPathsAreRefused(String path) {
        assertThat(CanonicalPath.problem(path)).as(path).isNotNull();
    }
}
