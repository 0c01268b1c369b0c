package io.affectra.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warns at start when the server listens beyond loopback with API keys off: anyone who can reach the port can then
 * use every route (and every configured backend's credentials).
 */
@Singleton
public class ExposureWarning {

    private static final Logger LOG = Logger.getLogger(ExposureWarning.class);

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @ConfigProperty(name = "affectra.auth.enabled", defaultValue = "false")
    boolean authEnabled;

    void onStart(@Observes StartupEvent event) {
        if (exposed(host, authEnabled)) {
            LOG.warnf("listening on %s with affectra.auth.enabled=false: every /v1 route is open to whoever reaches this "
                    + "address; bind 127.0.0.1 (bin/affectra serve --host 127.0.0.1) or turn API keys on", host);
        }
    }

    /** True when {@code host} is reachable from other machines (not a loopback address) and no key is required. */
    static boolean exposed(String host, boolean authEnabled) {
        return !authEnabled && !isLoopback(host);
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are judged (no DNS lookup at start); a name other than localhost counts as exposed.
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
