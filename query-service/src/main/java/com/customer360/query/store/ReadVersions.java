package com.customer360.query.store;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which version of a view readers read. The active version of each view is one small document in {@value #REGISTRY}
 * (see {@code views.ViewRegistry}, which alone writes it), so a single-document write switches every reader of every
 * instance; each instance keeps it in memory and reads it again every {@code customer360.views.registry-refresh}
 * (500 ms), so a switch reaches all readers within a second.
 *
 * <p>A request is <em>pinned</em> to one version for its whole length (by the web layer, before the handler runs):
 * every collection it reads then belongs to that version, so no response mixes two versions, even when a switch
 * lands while it is being assembled. Version 1 is the collections under their plain names ({@code customer_details});
 * version n is {@code customer_details_v<n>}.
 */
@Component
public class ReadVersions implements DisposableBean {

    /** The registry of view versions: one document per view, {@code {_id: view, active, previous, ...}}. */
    public static final String REGISTRY = "view_registry";

    /** The view the customer and order read models, and their timeline, belong to. */
    public static final String CUSTOMER_DETAILS = "customer-details";

    private static final Logger log = LoggerFactory.getLogger(ReadVersions.class);

    private final MongoTemplate mongo;
    private final MongoCollection<Document> registry;
    private final Map<String, Integer> active = new ConcurrentHashMap<>();
    private final ThreadLocal<Integer> pinned = new ThreadLocal<>();
    private final ScheduledExecutorService refresher;

    ReadVersions(MongoTemplate mongo, @Value("${customer360.views.registry-refresh:500ms}") Duration refresh) {
        this.mongo = mongo;
        this.registry = mongo.getCollection(REGISTRY);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-registry-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresh();
        refresher.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The collection's name in a version of its view. */
    public static String collectionName(String base, int version) {
        return version == 1 ? base : base + "_v" + version;
    }

    /** The version readers of the view are sent to now, as last read from the registry. */
    public int active(String view) {
        return active.getOrDefault(view, 1);
    }

    /** The customer-details version this thread reads: the pinned one, or else the active one. */
    public int current() {
        Integer version = pinned.get();
        return version != null ? version : active(CUSTOMER_DETAILS);
    }

    /** The collection of the customer-details view that this thread reads, in {@link #current()}'s version. */
    public MongoCollection<Document> collection(String base) {
        return collection(base, current());
    }

    public MongoCollection<Document> collection(String base, int version) {
        return mongo.getCollection(collectionName(base, version));
    }

    /** Pins this thread (a request) to a version until {@link #unpin()}. */
    public void pin(int version) {
        pinned.set(version);
    }

    public void unpin() {
        pinned.remove();
    }

    /** Reads the registry now; the switch and roll-back call it so that their own instance answers at once. */
    public void refresh() {
        try {
            for (Document entry : registry.find()) {
                Number version = entry.get("active", Number.class);
                if (version != null) {
                    active.put(entry.getString("_id"), version.intValue());
                }
            }
        } catch (RuntimeException e) {
            // Readers keep the versions they know until the store answers again.
            log.warn("The view registry could not be read: {}", e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
