package com.customer360.query.live;

import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.store.ReadVersions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells subscribers when customers change. One thread looks every poll interval: with one {@code _id $in} query for the
 * versions of the customers someone follows, and — while someone follows the list — one query for the customers
 * written since the last look (index on {@code updatedAt}). It also sends the heartbeats. Events are written by a few
 * sender threads (see {@link Follower}); subscribers that went away are dropped when a send to them fails.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    /** The most customer ids one list event names; more changed at once and the list is told to reload. */
    static final int MAX_IDS_PER_EVENT = 200;

    /** Threads that write events to the streams, whatever the number of streams. */
    private static final int SENDERS = 4;

    /** A stream is closed after half an hour; browsers' EventSource reconnects by itself. */
    private static final long STREAM_TIMEOUT_MILLIS = Duration.ofMinutes(30).toMillis();

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ReadVersions views;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Map<String, Set<Follower>> byCustomer = new ConcurrentHashMap<>();
    private final Set<Follower> listSubscribers = new CopyOnWriteArraySet<>();
    private final Map<String, Long> versions = new HashMap<>();
    private Instant listSeenUntil;
    private long lastHeartbeat;
    private ScheduledExecutorService executor;
    private ExecutorService senders;

    LiveUpdates(
            ReadVersions views,
            Clock clock,
            MeterRegistry meters,
            @Value("${customer360.live.poll-interval:500ms}") Duration pollInterval,
            @Value("${customer360.live.heartbeat:15s}") Duration heartbeat) {
        this.views = views;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        meters.gauge("customer360.live.subscribers", this, LiveUpdates::subscribers);
    }

    /** Follows one customer; the emitter hears {@code customer-changed} with the customer's id and version. */
    SseEmitter followCustomer(String customerId) {
        Follower follower = new Follower(new SseEmitter(STREAM_TIMEOUT_MILLIS), senders);
        // The version the follower starts from, so that a change made before the next look is not taken as the start.
        Document current = customers()
                .find(Filters.eq("_id", customerId))
                .projection(Projections.include("version"))
                .first();
        synchronized (this) {
            if (current != null) {
                versions.putIfAbsent(customerId, current.getLong("version"));
            }
            byCustomer
                    .computeIfAbsent(customerId, id -> new CopyOnWriteArraySet<>())
                    .add(follower);
        }
        whenGone(follower, () -> unfollow(customerId, follower));
        follower.send(greeting());
        return follower.emitter();
    }

    /** Follows the list; the emitter hears {@code customers-changed} with the ids of the customers that changed. */
    SseEmitter followList() {
        Follower follower = new Follower(new SseEmitter(STREAM_TIMEOUT_MILLIS), senders);
        synchronized (this) {
            if (listSubscribers.isEmpty()) {
                listSeenUntil = clock.instant();
            }
        }
        listSubscribers.add(follower);
        whenGone(follower, () -> listSubscribers.remove(follower));
        follower.send(greeting());
        return follower.emitter();
    }

    private static void whenGone(Follower follower, Runnable drop) {
        follower.emitter().onCompletion(drop);
        follower.emitter().onTimeout(drop);
        follower.emitter().onError(error -> drop.run());
    }

    /** The customers of the version readers are sent to now: a switch shows as a change of everyone followed. */
    private MongoCollection<Document> customers() {
        return views.collection(CustomerDetailsDocuments.COLLECTION);
    }

    int subscribers() {
        return listSubscribers.size()
                + byCustomer.values().stream().mapToInt(Set::size).sum();
    }

    private void unfollow(String customerId, Follower follower) {
        byCustomer.computeIfPresent(customerId, (id, subscribers) -> {
            subscribers.remove(follower);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    /** A first event at once, so clients and proxies see the stream open. */
    private static SseEmitter.SseEventBuilder greeting() {
        return SseEmitter.event().comment("connected").reconnectTime(3000);
    }

    private synchronized void look() {
        try {
            lookAtCustomers();
            lookAtTheList();
            long now = System.nanoTime();
            if (now - lastHeartbeat >= heartbeat.toNanos()) {
                lastHeartbeat = now;
                byCustomer.values().forEach(set -> set.forEach(Follower::heartbeat));
                listSubscribers.forEach(Follower::heartbeat);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Looking for changed customers failed, trying again: {}",
                    e.getClass().getName());
        }
    }

    private void lookAtCustomers() {
        versions.keySet().retainAll(byCustomer.keySet());
        if (byCustomer.isEmpty()) {
            return;
        }
        for (Document stored :
                customers().find(Filters.in("_id", byCustomer.keySet())).projection(Projections.include("version"))) {
            String customerId = stored.getString("_id");
            long version = stored.getLong("version");
            Long seen = versions.put(customerId, version);
            if (seen != null && seen != version) {
                Map<String, Object> data = Map.of("customerId", customerId, "version", version);
                byCustomer
                        .getOrDefault(customerId, Set.of())
                        .forEach(follower -> follower.send(
                                SseEmitter.event().name("customer-changed").data(data)));
            }
        }
    }

    private void lookAtTheList() {
        if (listSubscribers.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>();
        Instant until = listSeenUntil;
        for (Document stored : customers()
                .find(Filters.gt("updatedAt", Date.from(listSeenUntil)))
                .projection(Projections.include("updatedAt"))
                .sort(Sorts.ascending("updatedAt"))
                .limit(MAX_IDS_PER_EVENT + 1)) {
            changed.add(stored.getString("_id"));
            until = stored.getDate("updatedAt").toInstant();
        }
        if (changed.isEmpty()) {
            return;
        }
        listSeenUntil = until;
        boolean all = changed.size() > MAX_IDS_PER_EVENT;
        Map<String, Object> data = all
                ? Map.of("customerIds", List.of(), "reload", true)
                : Map.of("customerIds", changed, "reload", false);
        listSubscribers.forEach(follower ->
                follower.send(SseEmitter.event().name("customers-changed").data(data)));
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
            Thread thread = new Thread(runnable, "live-updates-send");
            thread.setDaemon(true);
            return thread;
        });
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::look, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        byCustomer
                .values()
                .forEach(set -> set.forEach(follower -> follower.emitter().complete()));
        listSubscribers.forEach(follower -> follower.emitter().complete());
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
