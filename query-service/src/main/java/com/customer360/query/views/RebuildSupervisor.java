package com.customer360.query.views;

import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.intake.EventReader;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.store.ReadVersions;
import com.customer360.query.timeline.TimelineDocuments;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Every second, on every instance, makes what runs match the rebuilds and the registry: a version that needs a
 * consumer — a rebuild running or caught up, a switched version that is active or previous — gets one on the instance
 * that holds its lease (renewed here; another instance takes over once it ran out); a version that needs none has its
 * consumer stopped; a cancelled rebuild's data, and a retired version's after {@code retired-grace}, are dropped by
 * whoever holds the lease. Version 1 is the live listener's: when it is retired that listener stops.
 */
@Component
class RebuildSupervisor implements SmartLifecycle {

    /** The live listener's id (see {@code intake.CustomerOrderEventsListener}), which writes version 1. */
    static final String LIVE_LISTENER = "customer-order-events-projection";

    static final List<String> COLLECTIONS = List.of(
            CustomerDetailsDocuments.COLLECTION, OrderDetailsDocuments.COLLECTION, TimelineDocuments.COLLECTION);

    private static final Logger log = LoggerFactory.getLogger(RebuildSupervisor.class);

    private final Rebuilds rebuilds;
    private final ViewRegistry registry;
    private final ViewLeases leases;
    private final VersionHolds holds;
    private final RebuildProjectors projectors;
    private final EventReader reader;
    private final ViewSettings settings;
    private final MongoTemplate mongo;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final ViewOperations operations;
    private final Clock clock;
    private final String topic;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    RebuildSupervisor(
            Rebuilds rebuilds,
            ViewRegistry registry,
            ViewLeases leases,
            VersionHolds holds,
            RebuildProjectors projectors,
            EventReader reader,
            ViewSettings settings,
            MongoTemplate mongo,
            KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners,
            ViewOperations operations,
            Clock clock,
            @Value("${customer360.topics.events:customer-order-events}") String topic) {
        this.rebuilds = rebuilds;
        this.registry = registry;
        this.leases = leases;
        this.holds = holds;
        this.projectors = projectors;
        this.reader = reader;
        this.settings = settings;
        this.mongo = mongo;
        this.kafka = kafka;
        this.listeners = listeners;
        this.operations = operations;
        this.clock = clock;
        this.topic = topic;
    }

    private record Running(RebuildRunner runner, Thread thread) {}

    /** One look at everything; public to the package so that requests can ask for it at once. */
    synchronized void look() {
        ViewRegistry.Entry entry = registry.entry(ReadVersions.CUSTOMER_DETAILS);
        Set<String> wanted = new HashSet<>();
        for (Rebuild rebuild : rebuilds.unfinished()) {
            if (needsConsumer(rebuild, entry)) {
                if (leases.holdConsumer(rebuild.view(), rebuild.version(), settings.leaseDuration())) {
                    wanted.add(rebuild.rebuildId());
                    ensureRunning(rebuild);
                }
            } else if (mayDrop(rebuild, entry)) {
                stopRunning(rebuild.rebuildId());
                if (leases.holdConsumer(rebuild.view(), rebuild.version(), settings.leaseDuration())) {
                    drop(rebuild.version());
                    operations.dropped(rebuild.rebuildId());
                    registry.forgetRetired(rebuild.view(), rebuild.version());
                    leases.releaseConsumer(rebuild.view(), rebuild.version());
                }
            }
        }
        for (String rebuildId : Set.copyOf(running.keySet())) {
            if (!wanted.contains(rebuildId)) {
                Rebuild stopped = stopRunning(rebuildId);
                if (stopped != null) {
                    leases.releaseConsumer(stopped.view(), stopped.version());
                }
            }
        }
        lookAtTheLiveListener(entry);
    }

    private static boolean needsConsumer(Rebuild rebuild, ViewRegistry.Entry entry) {
        return switch (rebuild.state()) {
            case RUNNING -> true;
            case CAUGHT_UP -> !rebuild.isSnapshot();
            case SWITCHED -> entry.isInUse(rebuild.version());
            case FAILED, CANCELLED -> false;
        };
    }

    private boolean mayDrop(Rebuild rebuild, ViewRegistry.Entry entry) {
        if (rebuild.state() == Rebuild.State.CANCELLED) {
            return true;
        }
        return rebuild.state() == Rebuild.State.SWITCHED && isPastGrace(entry, rebuild.version());
    }

    private boolean isPastGrace(ViewRegistry.Entry entry, int version) {
        return !entry.isInUse(version)
                && entry.retired().stream()
                        .anyMatch(retired -> retired.version() == version
                                && retired.at().plus(settings.retiredGrace()).isBefore(clock.instant()));
    }

    /** The live listener writes version 1: it stops once that version is no longer in use. */
    private void lookAtTheLiveListener(ViewRegistry.Entry entry) {
        MessageListenerContainer live = listeners.getListenerContainer(LIVE_LISTENER);
        if (live != null && !entry.isInUse(1) && live.isRunning()) {
            log.info("Version 1 of {} is retired: its live listener stops", entry.view());
            live.stop();
        }
        if (!entry.isInUse(1) && isPastGrace(entry, 1)) {
            drop(1);
            registry.forgetRetired(entry.view(), 1);
        }
    }

    private void ensureRunning(Rebuild rebuild) {
        Running current = running.get(rebuild.rebuildId());
        if (current != null && current.thread().isAlive()) {
            return;
        }
        RebuildRunner runner = new RebuildRunner(
                rebuild,
                new KafkaConsumer<>(
                        settings.consumerProperties(
                                kafka.buildConsumerProperties(null), rebuild.rebuildId(), leases.owner()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer()),
                topic,
                projectors,
                reader,
                rebuilds,
                holds,
                settings,
                clock,
                new RebuildRunner.Callbacks() {
                    @Override
                    public boolean caughtUp(Rebuild caughtUp) {
                        return operations.caughtUp(caughtUp);
                    }

                    @Override
                    public boolean shouldRun(String rebuildId) {
                        return running.containsKey(rebuildId);
                    }
                });
        Thread thread = new Thread(runner, "rebuild-" + rebuild.rebuildId());
        thread.setDaemon(true);
        running.put(rebuild.rebuildId(), new Running(runner, thread));
        log.info("Rebuild {} of {} into version {} runs here", rebuild.rebuildId(), rebuild.view(), rebuild.version());
        thread.start();
    }

    private Rebuild stopRunning(String rebuildId) {
        Running current = running.remove(rebuildId);
        if (current == null) {
            return null;
        }
        current.runner().stop();
        try {
            current.thread().join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rebuilds.find(rebuildId).orElse(null);
    }

    /** The rebuilds whose consumer runs on this instance now. */
    Set<String> runningHere() {
        Set<String> here = new HashSet<>();
        running.forEach((rebuildId, current) -> {
            if (current.thread().isAlive()) {
                here.add(rebuildId);
            }
        });
        return here;
    }

    /** Drops a version's collections and holds. */
    void drop(int version) {
        for (String collection : COLLECTIONS) {
            mongo.getCollection(ReadVersions.collectionName(collection, version))
                    .drop();
        }
        holds.drop(version);
        log.info("Version {} of customer-details dropped", version);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::lookOnce, 0, 1, TimeUnit.SECONDS);
    }

    /** A rebuild started on this instance is taken up at once rather than at the next look. */
    @EventListener
    void started(ViewOperations.Started started) {
        ScheduledExecutorService current = executor;
        try {
            if (current != null) {
                current.execute(this::lookOnce);
            }
        } catch (RejectedExecutionException e) {
            // stopping: nothing more to run here
        }
    }

    private void lookOnce() {
        try {
            look();
        } catch (RuntimeException e) {
            log.warn(
                    "Looking at the rebuilds failed, trying again: {}",
                    e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            for (String rebuildId : Set.copyOf(running.keySet())) {
                Rebuild stopped = stopRunning(rebuildId);
                if (stopped != null) {
                    leases.releaseConsumer(stopped.view(), stopped.version());
                }
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
