package io.affectra.api.auth;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The configured API keys and their limits. Keys are held only as SHA-256 digests, so a lookup does not compare secrets
 * character by character and a heap dump shows no key; everything else names a key by its configured name.
 */
@Singleton
public class ApiKeys {

    /** One key's identity and limits. */
    public static final class Client {

        private final String name;
        private final TokenBucket rate;
        private final int maxConcurrent;
        private final AtomicInteger inFlight = new AtomicInteger();

        Client(String name, TokenBucket rate, int maxConcurrent) {
            this.name = name;
            this.rate = rate;
            this.maxConcurrent = maxConcurrent;
        }

        public String name() {
            return name;
        }

        /** The bucket of its requests-per-minute limit, or null when unlimited. */
        public TokenBucket rate() {
            return rate;
        }

        /** Takes a concurrency slot; false when the key already has {@code max-concurrent} requests in flight. */
        public boolean enter() {
            if (maxConcurrent <= 0) {
                return true;
            }
            while (true) {
                int now = inFlight.get();
                if (now >= maxConcurrent) {
                    return false;
                }
                if (inFlight.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        public void leave() {
            if (maxConcurrent > 0) {
                inFlight.decrementAndGet();
            }
        }

        public boolean limitsConcurrency() {
            return maxConcurrent > 0;
        }

        public int maxConcurrent() {
            return maxConcurrent;
        }
    }

    private final boolean enabled;
    private final Map<String, Client> byDigest;

    @Inject
    public ApiKeys(AuthConfig auth) {
        this(auth, System::nanoTime);
    }

    public ApiKeys(AuthConfig auth, LongSupplier clock) {
        this.enabled = auth.enabled();
        Map<String, Client> clients = new HashMap<>();
        if (enabled && auth.keys().isEmpty()) {
            throw new IllegalStateException("affectra.auth.enabled=true but no key is configured (affectra.auth.keys.\"<name>\".key)");
        }
        auth.keys().forEach((name, key) -> {
            if (key.key() == null || key.key().isBlank()) {
                throw new IllegalStateException("affectra.auth.keys." + name + ".key is empty");
            }
            int max = key.maxConcurrent().orElse(0);
            if (key.maxConcurrent().isPresent() && max < 1) {
                throw new IllegalStateException("affectra.auth.keys." + name + ".max-concurrent must be at least 1");
            }
            TokenBucket rate = key.requestsPerMinute().isPresent() ? new TokenBucket(key.requestsPerMinute().getAsInt(), clock) : null;
            if (clients.putIfAbsent(digest(key.key()), new Client(name, rate, max)) != null) {
                throw new IllegalStateException("affectra.auth.keys." + name + ".key is the same secret as another key's");
            }
        });
        this.byDigest = Map.copyOf(clients);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The client a presented key belongs to. */
    public Optional<Client> find(String presented) {
        return presented == null || presented.isEmpty() ? Optional.empty() : Optional.ofNullable(byDigest.get(digest(presented)));
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
