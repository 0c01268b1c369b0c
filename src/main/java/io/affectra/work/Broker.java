package io.affectra.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * This replica's connection to RabbitMQ in {@code rabbitmq} mode (inactive in {@code local} mode). It owns the
 * topology: a quorum queue of work items whose delivery limit dead-letters poison items into a dead-letter queue, and
 * a fanout exchange that carries run events to every replica.
 * <p>
 * Work items are persistent messages, enqueued with publisher confirms; each worker has its own channel with a
 * prefetch of one and acknowledges an item only after {@link WorkHandler#handle} returns (its result row committed), so
 * an item held by a replica that dies, or whose connection is cut, is delivered again. The client's automatic recovery
 * reconnects and restores channels, queues and consumers; an acknowledgement that was lost with a connection means one
 * more delivery of an item whose result is already stored, which the handler recognises.
 */
@ApplicationScoped
public class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkConfig config;
    private final ReplicaId replica;
    private final WorkMetrics metrics;
    private final List<Runnable> onConnect = new CopyOnWriteArrayList<>();
    private final List<Consumer<byte[]>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> periodic = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Connection connection;
    private volatile WorkHandler handler;
    private volatile boolean stopping;
    private Channel publisher;
    private Channel eventPublisher;
    private Channel inspector;
    private ExecutorService deliveries;
    private ScheduledExecutorService sweeper;
    private Thread connector;

    public Broker(WorkConfig config, ReplicaId replica, WorkMetrics metrics) {
        this.config = config;
        this.replica = replica;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return config.transport() == WorkConfig.Transport.RABBITMQ;
    }

    public String workQueue() {
        return config.rabbitmq().prefix() + ".trials";
    }

    public String deadLetterQueue() {
        return workQueue() + ".dead";
    }

    private String deadLetterExchange() {
        return config.rabbitmq().prefix() + ".dead";
    }

    private String eventExchange() {
        return config.rabbitmq().prefix() + ".events";
    }

    /** Whether the connection is up (readiness in {@code rabbitmq} mode). */
    public boolean connected() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    /** Items this replica is running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Sets who runs work items; their consumers start with the connection. Call before startup ends. */
    public void handleWith(WorkHandler handler) {
        this.handler = handler;
    }

    /** Runs {@code action} after every (re)connection: work that could not be enqueued while the broker was away is enqueued then. */
    public void onConnect(Runnable action) {
        onConnect.add(action);
    }

    /** Receives the events other replicas fan out (raw JSON). */
    public void onEvent(Consumer<byte[]> listener) {
        eventListeners.add(listener);
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        if (!enabled()) {
            return;
        }
        metrics.bind(this);
        // Consumers' deliveries run here: one thread per worker channel, plus the dead letters and the events.
        deliveries = Executors.newFixedThreadPool(Math.max(1, config.workers()) + 2,
                r -> Thread.ofPlatform().name("work-" + replica.get() + "-", 0).daemon(true).unstarted(r));
        // The first connection is retried here: the client's own recovery only takes over once it was connected once.
        connector = Thread.ofPlatform().name("work-connect").daemon(true).start(this::connectUntilUp);
        long every = Math.max(100, config.sweepInterval().toMillis());
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("work-sweep").daemon(true).unstarted(r));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (connector != null) {
            connector.interrupt();
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        Connection c = connection;
        if (c != null) {
            try {
                c.close(5000); // unacknowledged items go back to the queue for the other replicas
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "closing the broker connection");
            }
        }
        if (deliveries != null) {
            // Not interrupted: a trial in flight finishes or is cut by the exit; its item is delivered again elsewhere.
            deliveries.shutdown();
        }
    }

    private void connectUntilUp() {
        WorkConfig.Rabbitmq r = config.rabbitmq();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(r.host());
        factory.setPort(r.port());
        factory.setUsername(r.username());
        factory.setPassword(r.password());
        factory.setVirtualHost(r.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(r.reconnectInterval().toMillis());
        factory.setRequestedHeartbeat(10);
        factory.setSharedExecutor(deliveries);
        boolean warned = false;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                Connection c = factory.newConnection("affectra-" + replica.get());
                declareTopology(c);
                ((Recoverable) c).addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recoverable) {
                        LOG.infof("work queue: reconnected to RabbitMQ at %s:%d", r.host(), r.port());
                        connectedNow();
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recoverable) {
                        LOG.warnf("work queue: connection to RabbitMQ lost; reconnecting every %s", r.reconnectInterval());
                    }
                });
                connection = c;
                LOG.infof("work queue: connected to RabbitMQ at %s:%d as replica %s (%d workers on %s)", r.host(), r.port(), replica.get(),
                        config.workers(), workQueue());
                connectedNow();
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!warned) {
                    LOG.warnf("work queue: RabbitMQ at %s:%d not reachable (%s); trying again every %s", r.host(), r.port(), e.getMessage(),
                            r.reconnectInterval());
                    warned = true;
                } else {
                    LOG.debugf("work queue: RabbitMQ at %s:%d still not reachable (%s)", r.host(), r.port(), e.getMessage());
                }
                try {
                    Thread.sleep(r.reconnectInterval().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void connectedNow() {
        for (Runnable action : onConnect) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "work queue: an action after connecting failed");
            }
        }
    }

    private void declareTopology(Connection c) throws IOException {
        Channel setup = c.createChannel();
        setup.exchangeDeclare(deadLetterExchange(), "direct", true);
        setup.queueDeclare(deadLetterQueue(), true, false, false, null);
        setup.queueBind(deadLetterQueue(), deadLetterExchange(), workQueue());
        // A quorum queue counts deliveries (also those to a replica that died) and dead-letters an item past the limit.
        setup.queueDeclare(workQueue(), true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", config.rabbitmq().deliveryLimit(),
                "x-dead-letter-exchange", deadLetterExchange(), "x-dead-letter-routing-key", workQueue()));
        setup.exchangeDeclare(eventExchange(), "fanout", true);
        // Named after the replica and exclusive: it exists exactly while this replica is connected, which is how the
        // others tell whether it is alive (alive()).
        String events = setup.queueDeclare(presenceQueue(replica.get()), false, true, true, null).getQueue();
        setup.queueBind(events, eventExchange(), "");
        setup.basicConsume(events, true, new DefaultConsumer(setup) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                if (replica.get().equals(properties.getAppId())) {
                    return; // our own, already delivered here
                }
                eventListeners.forEach(l -> l.accept(body));
            }
        });
        publisher = c.createChannel();
        publisher.confirmSelect();
        eventPublisher = c.createChannel();
        inspector = c.createChannel();
        for (int i = 0; i < config.workers(); i++) {
            Channel ch = c.createChannel();
            ch.basicQos(1);
            ch.basicConsume(workQueue(), false, "worker-" + replica.get() + "-" + i, new WorkConsumer(ch));
        }
        Channel dead = c.createChannel();
        dead.basicQos(1);
        dead.basicConsume(deadLetterQueue(), false, "dead-" + replica.get(), new DeadLetterConsumer(dead));
    }

    /**
     * Enqueues items as persistent messages and waits until the broker confirmed every one.
     *
     * @throws WorkUnavailableException when the broker is away or did not confirm them in time
     */
    public void enqueue(List<WorkItem> items) {
        if (!connected()) {
            throw new WorkUnavailableException("RabbitMQ is not connected", null);
        }
        try {
            synchronized (this) {
                for (WorkItem item : items) {
                    publisher.basicPublish("", workQueue(), MessageProperties.PERSISTENT_BASIC, JSON.writeValueAsBytes(item));
                }
                publisher.waitForConfirmsOrDie(config.rabbitmq().confirmTimeout().toMillis());
            }
            metrics.enqueued(items.size());
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new WorkUnavailableException("RabbitMQ did not take the work items: " + e.getMessage(), e);
        }
    }

    /** Sends an event to the other replicas; dropped (a live view, not state) when the broker is away. */
    public void broadcast(byte[] event) {
        if (!connected()) {
            return;
        }
        try {
            synchronized (eventPublisher) {
                eventPublisher.basicPublish(eventExchange(), "", new AMQP.BasicProperties.Builder().appId(replica.get()).build(), event);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "work queue: an event was not sent");
        }
    }

    private String presenceQueue(String replicaId) {
        return config.rabbitmq().prefix() + ".events." + replicaId;
    }

    /**
     * Whether a replica is connected to the broker now (its exclusive queue exists); empty when the broker cannot be
     * asked. A replica killed or cut off loses its queue as soon as the broker notices (at once for a closed socket,
     * after the heartbeat timeout for a silent one).
     */
    public Optional<Boolean> alive(String replicaId) {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            return Optional.empty();
        }
        Channel probe = null;
        try {
            probe = c.createChannel();
            probe.queueDeclarePassive(presenceQueue(replicaId));
            return Optional.of(true);
        } catch (IOException e) {
            // The broker closes the channel: 404 when no such queue, 405 when another connection holds it exclusively.
            if (e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close) {
                return close.getReplyCode() == AMQP.NOT_FOUND ? Optional.of(false) : Optional.of(close.getReplyCode() == AMQP.RESOURCE_LOCKED);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        } finally {
            if (probe != null && probe.isOpen()) {
                try {
                    probe.close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    LOG.debugf(e, "closing a probe channel");
                }
            }
        }
    }

    /**
     * Runs {@code task} every {@code affectra.work.sweep-interval} while connected (housekeeping that replicas share:
     * runs to enqueue, jobs of replicas that are gone).
     */
    public void periodically(Runnable task) {
        periodic.add(task);
    }

    private void sweep() {
        if (!connected()) {
            return;
        }
        for (Runnable task : periodic) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "work queue: a periodic task failed");
            }
        }
    }

    /** Messages waiting in a queue, or -1 when the broker cannot be asked now. */
    public long depth(String queue) {
        if (!connected()) {
            return -1;
        }
        try {
            synchronized (inspector) {
                return inspector.queueDeclarePassive(queue).getMessageCount();
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private final class WorkConsumer extends DefaultConsumer {

        WorkConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
            WorkHandler h = handler;
            boolean redelivered = envelope.isRedeliver() || deliveryCount(properties) > 0;
            if (redelivered) {
                metrics.redelivered();
            }
            WorkHandler.Outcome outcome;
            inFlight.incrementAndGet();
            try {
                WorkItem item = JSON.readValue(body, WorkItem.class);
                outcome = h == null ? WorkHandler.Outcome.REQUEUE : h.handle(item, redelivered);
            } catch (IOException e) {
                LOG.errorf("work queue: an unreadable item is dead-lettered: %s", e.getMessage());
                getChannel().basicReject(envelope.getDeliveryTag(), false);
                return;
            } catch (RuntimeException | LinkageError e) {
                LOG.errorf(e, "work queue: an item failed on replica %s; it goes back to the queue", replica.get());
                outcome = WorkHandler.Outcome.REQUEUE;
            } finally {
                inFlight.decrementAndGet();
            }
            metrics.handled(outcome);
            try {
                if (outcome == WorkHandler.Outcome.DONE) {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } else {
                    getChannel().basicNack(envelope.getDeliveryTag(), false, true);
                }
            } catch (ShutdownSignalException e) {
                // Lost with a cut connection, an acknowledgement means one more delivery, which the handler recognises.
                LOG.debugf("work queue: an acknowledgement was lost with the connection; the item comes again");
            }
        }
    }

    private final class DeadLetterConsumer extends DefaultConsumer {

        DeadLetterConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
            WorkHandler h = handler;
            WorkItem item;
            try {
                item = JSON.readValue(body, WorkItem.class);
            } catch (IOException e) {
                LOG.errorf("work queue: an unreadable dead letter is dropped: %s", e.getMessage());
                getChannel().basicAck(envelope.getDeliveryTag(), false);
                return;
            }
            String reason = "dead-lettered after " + config.rabbitmq().deliveryLimit() + " deliveries (" + header(properties, "x-first-death-reason") + ")";
            boolean recorded;
            try {
                recorded = h != null && h.deadLettered(item, reason);
            } catch (RuntimeException e) {
                LOG.warnf(e, "work queue: a dead letter could not be recorded yet");
                recorded = false;
            }
            if (recorded) {
                metrics.deadLettered();
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            } else {
                pause(); // the database is away: do not spin on the one dead letter
                getChannel().basicNack(envelope.getDeliveryTag(), false, true);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.rabbitmq().reconnectInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long deliveryCount(AMQP.BasicProperties properties) {
        Object count = properties.getHeaders() == null ? null : properties.getHeaders().get("x-delivery-count");
        return count instanceof Number n ? n.longValue() : 0;
    }

    private static String header(AMQP.BasicProperties properties, String name) {
        Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
        return value == null ? "delivery limit" : value.toString();
    }
}
