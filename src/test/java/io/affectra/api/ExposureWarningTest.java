package io.affectra.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExposureWarningTest {

    @Test
    void loopbackAddressesAreNotExposed() {
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
            assertFalse(ExposureWarning.exposed(host, false), host);
        }
    }

    @Test
    void wildcardAndOtherAddressesWithAuthOffAreExposed() {
        for (String host : new String[] {"0.0.0.0", "::", "10.1.2.3", "example.org", "", "127.0.0.1.example.org"}) {
            assertTrue(ExposureWarning.exposed(host, false), host);
        }
    }

    @Test
    void anyAddressWithAuthOnIsNotWarnedAbout() {
        assertFalse(ExposureWarning.exposed("0.0.0.0", true));
    }
}
