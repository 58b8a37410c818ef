package com.customer360.query.projection;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.customer.CustomerFold;
import com.customer360.query.customer.RankedOrders;
import com.customer360.query.customer.RankingSource;
import com.customer360.query.fold.Failure;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.order.OrderStanding;
import com.customer360.query.store.GuardedWrites;
import com.customer360.query.store.StoredDocuments;
import com.customer360.query.timeline.TimelineDocuments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rebuild's fast path into a version's collections: the customer and order documents are folded in memory, slice
 * after slice, exactly as {@link Projector} folds them against the store — same fold, same sequence rules, same
 * bookkeeping — and reach the store only when {@link #flush()}ed, each once however many events changed it, in one
 * unordered bulk write per collection (inserts for documents the store does not have). The documents in memory are
 * bounded by the caller, who flushes when {@link #documentsInMemory()} grows past its limit and commits its offsets
 * only after a flush.
 *
 * <p>A crash between the customer and the order writes of a flush must count nothing twice on the slices replayed
 * from the last committed offsets: so each flushed customer document records, for every order it changed since the
 * last flush, the position it holds of it ({@code pending}), as a batch of the live path does.
 *
 * <p>Timeline entries are held apart from the documents ({@link HeldTimeline}); the flush writes the rest of them
 * beside the documents.
 *
 * <p>The version's indexes come after its documents (see {@link VersionCollections}).
 */
public final class BulkProjector {

    private final VersionCollections collections;
    private final CustomerDetailsDocuments customerDocuments = new CustomerDetailsDocuments();
    private final OrderDetailsDocuments orderDocuments = new OrderDetailsDocuments();
    private final CustomerFold fold = new CustomerFold(customerDocuments, orderDocuments);
    private final GuardedWrites customerWrites;
    private final GuardedWrites orderWrites;
    private final OrderRankings storedRankings;
    private final HeldTimeline timeline;
    private final PendingPositions pendingPositions;
    private final Clock clock;

    private final HeldDocuments held = new HeldDocuments();
    private boolean storeMayHoldDocuments;

    /**
     * @param storeMayHoldDocuments whether the version's collections may already hold documents (a rebuild resumed
     *     after a crash, or after an earlier flush): then what is not in memory is looked up in the store
     * @param timelineBound how many timeline entries are held before they are written
     */
    public BulkProjector(
            MongoTemplate mongo,
            Clock clock,
            ProjectionSettings settings,
            int version,
            boolean storeMayHoldDocuments,
            int timelineBound) {
        this.collections = new VersionCollections(mongo, version, customerDocuments, orderDocuments);
        long maxBytes = settings.maxDocumentSize().toBytes();
        this.customerWrites = new GuardedWrites(collections.customers, maxBytes);
        this.orderWrites = new GuardedWrites(collections.orders, maxBytes);
        this.storedRankings = new OrderRankings(collections.orders);
        this.pendingPositions = new PendingPositions(collections.customers);
        this.timeline = new HeldTimeline(TimelineDocuments.indexedByCaller(collections.timeline), timelineBound);
        this.clock = clock;
        this.storeMayHoldDocuments = storeMayHoldDocuments;
    }

    /** Whether a version's collections hold any customer or order document yet. */
    public static boolean holdsDocuments(MongoTemplate mongo, int version) {
        return VersionCollections.holdDocuments(mongo, version);
    }

    /** The customer and order documents held in memory: what the caller bounds. */
    public int documentsInMemory() {
        return held.size();
    }

    /** Whether anything folded is not yet acknowledged by the store: documents, timeline entries or their write. */
    public boolean holdsUnwritten() {
        return held.anyChanged() || timeline.unwritten();
    }

    /**
     * Drops from memory, unwritten, the documents and timeline entries of the customers the test accepts, as if their
     * events had not been folded: for a caller that folds those events again later, from the same position. Documents
     * already written are not touched in the store.
     */
    public void forget(Predicate<String> customerIds) {
        held.forget(customerIds);
        timeline.forget(customerIds);
    }

    /** Folds the events (in list order per customer) into the documents and timeline entries in memory. */
    public ProjectionResult project(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return ProjectionResult.NOTHING;
        }
        if (storeMayHoldDocuments) {
            collections.indexOrders();
        }
        Map<String, List<CustomerFold.Event>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            byCustomer
                    .computeIfAbsent(event.event().customerId(), id -> new ArrayList<>())
                    .add(new CustomerFold.Event(i, event));
        }
        if (storeMayHoldDocuments) {
            held.readMissing(collections.customers, collections.orders, byCustomer);
        }
        Instant now = clock.instant();
        Map<Integer, Failure> failures = new HashMap<>();
        Set<Integer> notApplied = new HashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        List<EventEnvelope> done = new ArrayList<>();
        RankingSource rankings = this::rankings;
        for (Map.Entry<String, List<CustomerFold.Event>> entry : byCustomer.entrySet()) {
            String customerId = entry.getKey();
            List<CustomerFold.Event> customerEvents = entry.getValue();
            CustomerFold.Folded folded;
            Map<String, Document> mapped = new LinkedHashMap<>();
            Document mappedCustomer = null;
            try {
                folded =
                        fold.fold(customerId, held.customer(customerId), held.orders(), customerEvents, true, rankings);
                if (folded.customerChanged) {
                    mappedCustomer = customerDocuments.toBson(
                            folded.customer, StoredDocuments.nextVersion(folded.customerVersion), now);
                }
                for (String orderId : folded.changedOrders) {
                    mapped.put(
                            orderId,
                            orderDocuments.toBson(
                                    folded.orders.get(orderId),
                                    StoredDocuments.nextVersion(folded.orderVersions.get(orderId)),
                                    now));
                }
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    throw e;
                }
                // The documents cannot be folded or mapped: every event of the customer fails, nothing changes.
                customerEvents.forEach(event -> failures.put(event.index(), Failure.thrown(event.envelope(), e)));
                continue;
            }
            if (mappedCustomer != null) {
                held.changedCustomer(customerId, mappedCustomer);
            }
            mapped.forEach((orderId, document) -> held.changedOrder(customerId, orderId, document));
            failures.putAll(folded.failures);
            notApplied.addAll(folded.notApplied);
            if (mappedCustomer != null || !mapped.isEmpty()) {
                changed.add(customerId);
            }
            for (CustomerFold.Event event : customerEvents) {
                if (!folded.failures.containsKey(event.index()) && !folded.notApplied.contains(event.index())) {
                    done.add(event.envelope());
                }
            }
        }
        timeline.add(TimelineDocuments.entriesOf(done));
        return new ProjectionResult(failures, notApplied, changed);
    }

    /**
     * Writes every document changed since the last flush — the customers first, each recording the positions of its
     * orders it holds, then the orders, and beside them the timeline entries held — and forgets what it held in memory;
     * returns once the writes are acknowledged.
     */
    public void flush() {
        List<GuardedWrites.Write> customerWrites = held.customerWrites();
        List<GuardedWrites.Write> orderWrites = held.orderWrites();
        // The timeline is written beside the documents, on a connection of its own: nothing orders the two, and the
        // store writes two collections at once.
        timeline.startWriting();
        try {
            written(CustomerDetailsDocuments.COLLECTION, this.customerWrites.write(customerWrites));
            written(OrderDetailsDocuments.COLLECTION, this.orderWrites.write(orderWrites));
            pendingPositions.forgetFlushed(customerWrites, orderWrites);
        } finally {
            timeline.await();
        }
        held.clear();
        // From here on the fold reads order rankings from the store: its next slice first indexes the orders.
        storeMayHoldDocuments = true;
    }

    /**
     * Creates the indexes left for the end of the catch-up (call it after the last {@link #flush()}), so the version
     * is read along the same indexes as the live one from the moment it is caught up; creating an index that exists
     * changes nothing, so a catch-up resumed after a crash may call it again.
     */
    public void finish() {
        collections.indexEverything();
    }

    private static void written(String collection, GuardedWrites.Outcome outcome) {
        if (!outcome.conflicts().isEmpty() || !outcome.refused().isEmpty()) {
            // A rebuild is its version's only writer: anything else is a failure of the rebuild, which says why.
            throw new IllegalStateException("a rebuild's bulk write of " + collection + " was refused for "
                    + outcome.refused().size() + " documents and conflicted for "
                    + outcome.conflicts().size()
                    + (outcome.refused().isEmpty()
                            ? ""
                            : ": " + outcome.refused().values().iterator().next()));
        }
    }

    /** The first orders of a ranking: the store's (if it may have some) overlaid with those in memory. */
    private List<OrderStanding> rankings(String customerId, RankedOrders.Kind kind, int limit) {
        Set<String> inMemory = held.ordersOf(customerId);
        Map<String, OrderStanding> standings = new LinkedHashMap<>();
        if (storeMayHoldDocuments) {
            storedRankings
                    .first(customerId, kind, limit + inMemory.size())
                    .forEach(standing -> standings.put(standing.orderId(), standing));
        }
        for (String orderId : inMemory) {
            standings.put(
                    orderId, OrderDetailsDocuments.standingOf(held.orders().get(orderId)));
        }
        return OrderRankings.firstAmong(standings.values(), kind, limit);
    }
}
