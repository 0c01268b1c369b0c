package io.affectra.work;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code affectra.work.*}: where background work (evaluation cases, experiment trials) runs. {@code local}: on this
 * process's executors, no broker. {@code rabbitmq}: as messages on durable RabbitMQ queues that every replica sharing
 * the database consumes.
 */
@ConfigMapping(prefix = "affectra.work")
public interface WorkConfig {

    enum Transport {
        LOCAL, RABBITMQ
    }

    @WithDefault("local")
    Transport transport();

    /** This replica's name in result rows, logs and events; default the host name and process id. */
    Optional<String> replicaId();

    /**
     * Work items this replica runs at once (its prefetch: unacknowledged messages the broker hands it). 0 makes a
     * replica that accepts and plans runs but runs none of their items.
     */
    @WithDefault("8")
    int workers();

    /** How long a replica's claim to enqueue a run's items holds; a run whose claimant died is enqueued by another replica after it. */
    @WithDefault("30s")
    Duration dispatchLease();

    /** How often replicas look for shared housekeeping: runs whose claimant died, jobs of replicas that are gone. */
    @WithDefault("30s")
    Duration sweepInterval();

    Rabbitmq rabbitmq();

    Redis redis();

    /**
     * Backend limits and a run's cues shared by every replica (off without a URL: each replica limits its own calls and
     * reads its own evidence).
     */
    interface Redis {

        /** e.g. {@code redis://127.0.0.1:6379}; keys start with the RabbitMQ prefix. */
        Optional<String> url();

        /** How long a permit holds without being given back: the permits of a replica that died come back after it. */
        @WithDefault("5m")
        Duration permitLease();

        /** How long a run's cues stay shared in Redis for the other replicas (cues only, never media). */
        @WithDefault("1h")
        Duration cueTtl();
    }

    interface Rabbitmq {

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("5672")
        int port();

        @WithDefault("guest")
        String username();

        @WithDefault("guest")
        String password();

        @WithDefault("/")
        String virtualHost();

        /** Names of the queues and exchanges start with it: {@code <prefix>.trials}, {@code <prefix>.trials.dead}, {@code <prefix>.events}. */
        @WithDefault("affectra")
        String prefix();

        /** Deliveries of one item before the broker dead-letters it (a poison item: the replica running it dies, or it fails every time). */
        @WithDefault("5")
        int deliveryLimit();

        /** Wait between attempts to reconnect after the broker went away. */
        @WithDefault("1s")
        Duration reconnectInterval();

        /** How long enqueueing a run's items waits for the broker's confirms. */
        @WithDefault("30s")
        Duration confirmTimeout();
    }
}
