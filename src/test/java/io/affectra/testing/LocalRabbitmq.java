package io.affectra.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** This machine's RabbitMQ (127.0.0.1:5672, guest/guest), for tests that talk to it directly. */
public final class LocalRabbitmq {

    private LocalRabbitmq() {
    }

    public static ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setUsername("guest");
        f.setPassword("guest");
        return f;
    }

    /** Deletes what a replica with this prefix declared (the queues and exchanges of one test run). */
    public static void deleteTopology(String prefix) throws Exception {
        try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
            ch.queueDelete(prefix + ".trials");
            ch.queueDelete(prefix + ".trials.dead");
            ch.exchangeDelete(prefix + ".dead");
            ch.exchangeDelete(prefix + ".events");
        }
    }
}
