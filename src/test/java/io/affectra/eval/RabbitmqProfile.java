package io.affectra.eval;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One replica in {@code rabbitmq} mode against this machine's RabbitMQ (127.0.0.1:5672, guest/guest) and PostgreSQL,
 * in a schema of its own emptied at start. Its queues and exchanges carry a name of their own per test run, so that
 * nothing left on the broker by another run is consumed here; the test deletes them at its end.
 */
public class RabbitmqProfile implements QuarkusTestProfile {

    /** The same in the test's class loader and the application's: the process id. */
    static final String PREFIX = "affectra-test-" + ProcessHandle.current().pid();
    static final String REPLICA = "replica-under-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.datasource.db-kind", "postgresql"),
                Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/"
                        + System.getenv().getOrDefault("AFFECTRA_PG_DATABASE", "test") + "?currentSchema=affectra_work"),
                Map.entry("quarkus.datasource.username", System.getenv().getOrDefault("AFFECTRA_PG_USER", "postgres")),
                Map.entry("quarkus.datasource.password", System.getenv().getOrDefault("AFFECTRA_PG_PASSWORD", "")),
                Map.entry("quarkus.flyway.schemas", "affectra_work"),
                Map.entry("quarkus.flyway.clean-disabled", "false"),
                Map.entry("quarkus.flyway.clean-at-start", "true"),
                Map.entry("affectra.work.transport", "rabbitmq"),
                Map.entry("affectra.work.replica-id", REPLICA),
                Map.entry("affectra.work.workers", "3"),
                Map.entry("affectra.work.rabbitmq.prefix", PREFIX),
                Map.entry("affectra.work.rabbitmq.delivery-limit", "2"),
                Map.entry("affectra.work.rabbitmq.reconnect-interval", "100ms"));
    }
}
