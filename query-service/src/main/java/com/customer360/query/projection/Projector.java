package com.customer360.query.projection;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderEvent;
import com.customer360.query.customer.CustomerDetails;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.customer.CustomerFold;
import com.customer360.query.customer.RankingSource;
import com.customer360.query.fold.Failure;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.store.ConcurrentWritesException;
import com.customer360.query.store.GuardedWrites;
import com.customer360.query.store.ReadVersions;
import com.customer360.query.store.StoredDocuments;
import com.customer360.query.timeline.TimelineDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects a batch of events into the customer and order documents, customer by customer, in four round trips
 * however many events the batch has: one {@code _id $in} read of the customers, one of their orders, one bulk write
 * of the changed customer documents and, once that is acknowledged, one of the changed order documents. That order of
 * the writes, and each customer document remembering which order positions it holds ahead of the order documents, is
 * what makes a batch retried after a crash between them change nothing twice. A customer document left holding many
 * such positions gets one more write once the order documents are in ({@link PendingPositions}).
 *
 * <p>Whatever goes wrong with one customer's documents — an event out of sequence, a projection that throws, a
 * document the store refuses — is that customer's failure, reported by event, and the others are written as usual.
 * Only the store being unreachable is thrown, for the whole batch to be retried. The live listener and the re-drive
 * of dead letters both come through here, so both apply events under the same rules.
 */
@Component
public class Projector {

    /** Batches in a row a customer's document may stay in conflict before the customer is held. */
    static final int HOLD_AFTER_BATCHES = 3;

    private final MongoCollection<Document> customerCollection;
    private final MongoCollection<Document> orderCollection;
    private final CustomerDetailsDocuments customerDocuments = new CustomerDetailsDocuments();
    private final OrderDetailsDocuments orderDocuments = new OrderDetailsDocuments();
    private final CustomerFold fold = new CustomerFold(customerDocuments, orderDocuments);
    private final GuardedWrites customerWrites;
    private final OrderWriter orderWriter;
    private final PendingPositions pendingPositions;
    private final RankingSource rankings;
    private final TimelineDocuments timeline;
    private final Clock clock;
    private final int maxAttempts;
    private final StubbornConflicts stubborn = new StubbornConflicts(HOLD_AFTER_BATCHES);
    private final ProjectionCheckpoints checkpoints;
    private volatile boolean indexed;

    @Autowired
    Projector(
            MongoTemplate mongo,
            Clock clock,
            ProjectionSettings settings,
            ObjectProvider<ProjectionCheckpoints> checkpoints) {
        this(mongo, clock, settings, checkpoints.getIfAvailable(() -> ProjectionCheckpoints.NONE));
    }

    public Projector(MongoTemplate mongo, Clock clock, ProjectionSettings settings, ProjectionCheckpoints checkpoints) {
        this(mongo, clock, settings, checkpoints, 1);
    }

    /**
     * A projector into one version of the customer-details view: the live listener and the re-drive write version 1,
     * a rebuild the version it builds (see {@link ReadVersions#collectionName}).
     */
    public Projector(
            MongoTemplate mongo,
            Clock clock,
            ProjectionSettings settings,
            ProjectionCheckpoints checkpoints,
            int version) {
        this.customerCollection =
                mongo.getCollection(ReadVersions.collectionName(CustomerDetailsDocuments.COLLECTION, version));
        this.orderCollection =
                mongo.getCollection(ReadVersions.collectionName(OrderDetailsDocuments.COLLECTION, version));
        long maxBytes = settings.maxDocumentSize().toBytes();
        this.customerWrites = new GuardedWrites(customerCollection, maxBytes);
        this.orderWriter = new OrderWriter(
                orderCollection,
                orderDocuments,
                new GuardedWrites(orderCollection, maxBytes),
                fold,
                clock,
                settings.maxWriteAttempts());
        this.pendingPositions = new PendingPositions(customerCollection);
        this.rankings = new OrderRankings(orderCollection);
        this.timeline = new TimelineDocuments(
                mongo.getCollection(ReadVersions.collectionName(TimelineDocuments.COLLECTION, version)));
        this.clock = clock;
        this.maxAttempts = settings.maxWriteAttempts();
        this.checkpoints = checkpoints;
    }

    /**
     * Applies the events (in list order per customer) and returns once every write is acknowledged.
     *
     * @param stopAtFirstFailure whether a customer's events after one that failed are left alone (the live
     *     listener) or applied where they can be (a re-drive)
     */
    public ProjectionResult project(List<EventEnvelope> events, boolean stopAtFirstFailure) {
        if (events.isEmpty()) {
            return ProjectionResult.NOTHING;
        }
        ensureIndexes();
        Map<String, List<CustomerFold.Event>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            byCustomer
                    .computeIfAbsent(event.event().customerId(), id -> new ArrayList<>())
                    .add(new CustomerFold.Event(i, event));
        }
        BatchFailures failures = new BatchFailures(byCustomer);
        Set<Integer> notApplied = new HashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        Collection<String> pending = byCustomer.keySet();
        Map<String, CustomerFold.Folded> written = new LinkedHashMap<>();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, CustomerFold.Folded> folded = foldAll(pending, byCustomer, stopAtFirstFailure);
            Set<String> conflicts = writeCustomers(folded, byCustomer, failures);
            folded.keySet().removeAll(conflicts);
            written.putAll(folded);
            if (!conflicts.isEmpty() && attempt >= maxAttempts) {
                holdOrThrow(conflicts, attempt, failures);
                conflicts = Set.of();
            }
            pending = conflicts;
        }
        checkpoints.customersWritten(events);
        orderWriter.write(written, byCustomer, failures);
        checkpoints.ordersWritten(events);
        pendingPositions.forgetWritten(written.values(), failures);
        writeTimeline(byCustomer, written, failures);
        for (CustomerFold.Folded customer : written.values()) {
            if (failures.isFailedWhole(customer.customerId)) {
                continue;
            }
            customer.failures.forEach(failures.byEvent::putIfAbsent);
            notApplied.addAll(customer.notApplied);
            if (customer.customerChanged || !customer.changedOrders.isEmpty()) {
                changed.add(customer.customerId);
            }
        }
        return new ProjectionResult(failures.byEvent, notApplied, changed);
    }

    /**
     * Holds the customers whose documents stayed in conflict through the attempts of {@link #HOLD_AFTER_BATCHES}
     * batches in a row; while any of them may still settle, throws, and the batch is retried as a whole.
     */
    private void holdOrThrow(Set<String> conflicts, int attempts, BatchFailures failures) {
        Set<String> outlasting = stubborn.outlasting(conflicts);
        if (outlasting.isEmpty()) {
            throw new ConcurrentWritesException(CustomerDetailsDocuments.COLLECTION, conflicts, attempts);
        }
        String reason = "its " + CustomerDetailsDocuments.COLLECTION + " document kept changing under " + attempts
                + " write attempts in each of " + HOLD_AFTER_BATCHES + " batches in a row";
        outlasting.forEach(id -> failures.failWhole(id, reason));
    }

    private Map<String, CustomerFold.Folded> foldAll(
            Collection<String> customerIds,
            Map<String, List<CustomerFold.Event>> byCustomer,
            boolean stopAtFirstFailure) {
        Map<String, Document> storedCustomers = OrderWriter.load(customerCollection, customerIds);
        Set<String> orderIds = new LinkedHashSet<>();
        for (String customerId : customerIds) {
            byCustomer.get(customerId).forEach(event -> {
                if (event.envelope().event() instanceof OrderEvent order) {
                    orderIds.add(order.orderId());
                }
            });
            Document stored = storedCustomers.get(customerId);
            if (stored != null) {
                stored.getList(CustomerDetailsDocuments.PENDING, Document.class, List.of())
                        .forEach(entry -> orderIds.add(entry.getString("orderId")));
            }
        }
        Map<String, Document> storedOrders = OrderWriter.load(orderCollection, orderIds);
        Map<String, CustomerFold.Folded> folded = new LinkedHashMap<>();
        for (String customerId : customerIds) {
            List<CustomerFold.Event> events = byCustomer.get(customerId);
            try {
                folded.put(
                        customerId,
                        fold.fold(
                                customerId,
                                storedCustomers.get(customerId),
                                storedOrders,
                                events,
                                stopAtFirstFailure,
                                rankings));
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    throw e;
                }
                // The stored documents themselves cannot be folded: every event of the customer fails.
                CustomerFold.Folded failed = new CustomerFold.Folded(customerId, new CustomerDetails(customerId), null);
                events.forEach(event -> failed.failures.put(event.index(), Failure.thrown(event.envelope(), e)));
                folded.put(customerId, failed);
            }
        }
        return folded;
    }

    /** Writes the changed customer documents; returns the ids another writer changed meanwhile. */
    private Set<String> writeCustomers(
            Map<String, CustomerFold.Folded> folded,
            Map<String, List<CustomerFold.Event>> byCustomer,
            BatchFailures failures) {
        Instant now = clock.instant();
        List<GuardedWrites.Write> writes = new ArrayList<>();
        for (CustomerFold.Folded customer : folded.values()) {
            if (!customer.customerChanged) {
                continue;
            }
            try {
                writes.add(new GuardedWrites.Write(
                        customer.customerId,
                        customerDocuments.toBson(
                                customer.customer, StoredDocuments.nextVersion(customer.customerVersion), now),
                        customer.customerVersion));
            } catch (RuntimeException e) {
                failures.failWhole(customer.customerId, OrderWriter.unmappable(CustomerDetailsDocuments.COLLECTION, e));
            }
        }
        GuardedWrites.Outcome outcome = customerWrites.write(writes);
        outcome.refused().forEach(failures::failWhole);
        return outcome.conflicts();
    }

    /**
     * The timeline entries of every event now in the documents — applied by this batch or before it, so that a batch
     * retried after a crash before this write still writes them; the entries' ids make writing them twice harmless.
     */
    private void writeTimeline(
            Map<String, List<CustomerFold.Event>> byCustomer,
            Map<String, CustomerFold.Folded> written,
            BatchFailures failures) {
        List<EventEnvelope> done = new ArrayList<>();
        for (CustomerFold.Folded customer : written.values()) {
            if (failures.isFailedWhole(customer.customerId)) {
                continue;
            }
            for (CustomerFold.Event event : byCustomer.get(customer.customerId)) {
                if (!customer.failures.containsKey(event.index()) && !customer.notApplied.contains(event.index())) {
                    done.add(event.envelope());
                }
            }
        }
        timeline.write(TimelineDocuments.entriesOf(done));
    }

    /**
     * Declares the indexes before the first write, so they exist however long the store was down at startup;
     * creating an index that exists is a no-op. The unique {@code (_id, version)} index changes nothing for MongoDB,
     * which finds a document by {@code _id} anyway, but it lets mongo-java-server serve the guarded replace by index
     * lookup instead of scanning the collection once per written document.
     */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (StoredDocuments<?> documents : List.of(customerDocuments, orderDocuments)) {
            List<IndexModel> indexes = new ArrayList<>(documents.indexes());
            indexes.add(
                    new IndexModel(Indexes.ascending("_id", StoredDocuments.VERSION), new IndexOptions().unique(true)));
            (documents == customerDocuments ? customerCollection : orderCollection).createIndexes(indexes);
        }
        indexed = true;
    }
}
