package io.affectra.work;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes the broker in {@code rabbitmq} mode: a replica that cannot reach it takes no traffic. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private final Broker broker;
    private final WorkConfig config;
    private final ReplicaId replica;

    public BrokerHealthCheck(Broker broker, WorkConfig config, ReplicaId replica) {
        this.broker = broker;
        this.config = config;
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("work-queue").withData("transport", config.transport().name().toLowerCase())
                .withData("replica", replica.get());
        if (!broker.enabled()) {
            return response.up().build();
        }
        return response.withData("broker", config.rabbitmq().host() + ":" + config.rabbitmq().port()).withData("inFlight", broker.inFlight())
                .status(broker.connected()).build();
    }
}
