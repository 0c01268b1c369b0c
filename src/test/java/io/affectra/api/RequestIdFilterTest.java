package io.affectra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void idsAreRandomVersion4UuidsInTheirUsualForm() {
        String id = RequestIdFilter.newId();

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(RequestIdFilter.newId());
        }

        assertThat(seen).hasSize(100_000);
    }
}
