package io.affectra.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteMediaPolicyTest {

    @Test
    void nothingIsAllowedByDefault() {
        RemoteMediaPolicy closed = new RemoteMediaPolicy(List.of());

        assertThat(closed.allows("https://images.example.com/a.jpg")).isFalse();
        assertThat(closed.isOpen()).isFalse();
    }

    @Test
    void onlyUrlsUnderAnAllowedPrefix() {
        RemoteMediaPolicy policy = new RemoteMediaPolicy(List.of("https://images.example.com", "http://10.0.0.5:9000/public/"));

        assertThat(policy.allows("https://images.example.com/a.jpg")).isTrue();
        assertThat(policy.allows("http://10.0.0.5:9000/public/x.png")).isTrue();
        assertThat(policy.allows("https://images.example.com.evil.org/a.jpg")).as("a look-alike host").isFalse();
        assertThat(policy.allows("https://images.example.com@169.254.169.254/")).as("user info").isFalse();
        assertThat(policy.allows("http://10.0.0.5:9000/public/../private/x.png")).as("dot segments").isFalse();
        assertThat(policy.allows("http://10.0.0.5:9000/private/x.png")).isFalse();
        assertThat(policy.allows("file:///etc/passwd")).isFalse();
        assertThat(policy.allows("not a url")).isFalse();
    }

    private static final RemoteMediaPolicy LOOPBACK = new RemoteMediaPolicy(List.of("http://127.0.0.1:18191/allowed/"));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:18191/allowed/%2e%2e/secret/s.jpg",
            "http://127.0.0.1:18191/allowed/%2E%2e/secret/s.jpg",
            "http://127.0.0.1:18191/allowed/.%2e/secret/s.jpg",
            "http://127.0.0.1:18191/allowed/../secret/s.jpg",
            "http://127.0.0.1:18191/allowed/x/../../secret/s.jpg",
            "http://127.0.0.1:18191/allowed/..;/secret/s.jpg",
            "http://127.0.0.1:18191/allowed/%2e%2e;x/secret/s.jpg",
            "http://127.0.0.1:18191/allowed/..%2fsecret/s.jpg",
            "http://127.0.0.1:18191/allowed%2f..%2fsecret/s.jpg",
            "http://127.0.0.1:18191/allowed/%2F/s.jpg",
            "http://127.0.0.1:18191/allowed/..%5csecret/s.jpg",
            "http://127.0.0.1:18191/allowed/%5C..%5Csecret/s.jpg",
            "http://127.0.0.1:18191/allowed/s.jpg%00.png",
            "http://127.0.0.1:18191/allowed\\../secret/s.jpg",
            "http://127.0.0.1:18191@169.254.169.254/allowed/s.jpg",
            "http://user:pw@127.0.0.1:18191/allowed/s.jpg",
            "http://@127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18192/allowed/s.jpg",
            "http://127.0.0.1/allowed/s.jpg",
            "https://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed-evil/s.jpg",
            "http://127.0.0.1:18191/allowedx",
            "http://127.0.0.1:18191/Allowed/s.jpg",
            "http://127.0.0.1:18191//allowed/s.jpg",
            "http://127.0.0.1:18191/secret/s.jpg?/allowed/",
            "http://127.0.0.1:18191/secret/s.jpg#/allowed/",
            "http://127.0.0.2:18191/allowed/s.jpg",
            "http://2130706433:18191/allowed/s.jpg",
            "ftp://127.0.0.1:18191/allowed/s.jpg",
            "//127.0.0.1:18191/allowed/s.jpg",
            "http:/allowed/s.jpg"})
    void tricksDoNotEscapeThePrefix(String url) {
        assertThat(LOOPBACK.allows(url)).isFalse();
        assertThat(LOOPBACK.permitted(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:18191/allowed/s.jpg, http://127.0.0.1:18191/allowed/s.jpg",
            "HTTP://127.0.0.1:18191/allowed/s.jpg, http://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed/x/../s.jpg, http://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed/%2e/s.jpg, http://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed/%73.jpg, http://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed/a%2db%c3%a9.jpg, http://127.0.0.1:18191/allowed/a-b%C3%A9.jpg",
            "http://127.0.0.1:18191/allowed/s.jpg?size=2&from=../x, http://127.0.0.1:18191/allowed/s.jpg?size=2&from=../x",
            "http://127.0.0.1:18191/allowed/s.jpg#part, http://127.0.0.1:18191/allowed/s.jpg",
            "http://127.0.0.1:18191/allowed, http://127.0.0.1:18191/allowed"})
    void admittedUrlsAreFetchedInTheirNormalForm(String url, String fetched) {
        assertThat(LOOPBACK.permitted(url)).hasValue(URI.create(fetched));
    }

    @Test
    void hostsCompareWithoutCaseAndPortsWithTheirDefaults() {
        RemoteMediaPolicy policy = new RemoteMediaPolicy(List.of("https://Images.Example.com:443/pub"));

        assertThat(policy.permitted("https://images.EXAMPLE.com/pub/a.jpg")).hasValue(URI.create("https://images.example.com/pub/a.jpg"));
        assertThat(policy.allows("https://images.example.com:443/pub/a.jpg")).isTrue();
        assertThat(policy.allows("https://images.example.com:8443/pub/a.jpg")).isFalse();
        assertThat(policy.allows("http://images.example.com/pub/a.jpg")).as("another scheme").isFalse();
        assertThat(policy.allows("https://images.example.com/public/a.jpg")).as("a longer segment").isFalse();
        assertThat(policy.allows("https://images.example.com/pub")).isTrue();
    }

    @Test
    void aPrefixMustBeAnHttpUrl() {
        assertThatThrownBy(() -> new RemoteMediaPolicy(List.of("ftp://x/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteMediaPolicy(List.of("http://user@x/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteMediaPolicy(List.of("http://x/a?b=c"))).isInstanceOf(IllegalArgumentException.class);
    }
}
