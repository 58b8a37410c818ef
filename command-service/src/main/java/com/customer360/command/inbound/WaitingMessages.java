package com.customer360.command.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Messages waiting for a customer or order that does not exist yet, in MongoDB so that they survive restarts. Each is
 * stored under its record's coordinates, so a redelivered record is kept once, with the customer and order it is
 * about, so that a later message of the same customer or order finds it (on MongoDB by index; mongo-java-server scans
 * this small collection).
 */
final class WaitingMessages {

    static final String COLLECTION = "inbound_waiting";
    private static final Comparator<WaitingMessage> ARRIVAL = Comparator.comparing(WaitingMessage::arrivedAt)
            .thenComparing(message -> message.record().partition())
            .thenComparing(message -> message.record().offset());

    private final MongoTemplate mongo;

    WaitingMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).ensureIndex(new Index("customerId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index("orderId", Sort.Direction.ASC));
    }

    /** Keeps a message; a message already waiting under the same id stays as it is. */
    void keep(WaitingMessage message) {
        try {
            mongo.insert(toDocument(message), COLLECTION);
        } catch (DuplicateKeyException alreadyWaiting) {
            // The same record delivered again: it waits once.
        }
    }

    void update(WaitingMessage message) {
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", message.id()), toDocument(message));
    }

    void remove(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    boolean stillWaiting(String id) {
        return mongo.getCollection(COLLECTION)
                        .find(new Document("_id", id))
                        .projection(new Document("_id", 1))
                        .first()
                != null;
    }

    long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    /** Every waiting message, in the order the records arrived. */
    List<WaitingMessage> inArrivalOrder() {
        return sorted(mongo.getCollection(COLLECTION).find());
    }

    /** The customers and orders a set of messages is about; it grows as connected messages are found. */
    record Ids(Set<String> customers, Set<String> orders) {

        static Ids of(Subject subject) {
            Ids ids = new Ids(new HashSet<>(), new HashSet<>());
            ids.add(subject);
            return ids;
        }

        /** Whether the subject named a customer or order not known before. */
        boolean add(Subject subject) {
            boolean grew = subject.customerId() != null && customers.add(subject.customerId());
            return subject.orderId() != null && orders.add(subject.orderId()) || grew;
        }
    }

    /** The waiting messages about the subject's customer or order, in arrival order. */
    List<WaitingMessage> concerning(Subject subject) {
        Ids ids = Ids.of(subject);
        return concerning(ids.customers(), ids.orders());
    }

    /**
     * The waiting messages connected to the ids through shared customers and orders — those about one of them, those
     * about theirs, and so on — in arrival order: every message a success among them may let go. The ids grow by
     * those of the messages found, so that a later call still finds what was connected through a message since done.
     */
    List<WaitingMessage> connectedTo(Ids ids) {
        while (true) {
            List<WaitingMessage> found = concerning(ids.customers(), ids.orders());
            boolean grew = false;
            for (WaitingMessage message : found) {
                grew |= ids.add(message.subject());
            }
            if (!grew) {
                return found;
            }
        }
    }

    private List<WaitingMessage> concerning(Set<String> customers, Set<String> orders) {
        List<Bson> either = new ArrayList<>();
        if (!customers.isEmpty()) {
            either.add(new Document("customerId", new Document("$in", List.copyOf(customers))));
        }
        if (!orders.isEmpty()) {
            either.add(new Document("orderId", new Document("$in", List.copyOf(orders))));
        }
        if (either.isEmpty()) {
            return List.of();
        }
        return sorted(mongo.getCollection(COLLECTION).find(new Document("$or", either)));
    }

    private static List<WaitingMessage> sorted(Iterable<Document> documents) {
        Map<String, WaitingMessage> messages = new LinkedHashMap<>();
        for (Document document : documents) {
            WaitingMessage message = fromDocument(document);
            messages.put(message.id(), message);
        }
        List<WaitingMessage> sorted = new ArrayList<>(messages.values());
        sorted.sort(ARRIVAL);
        return sorted;
    }

    private static Document toDocument(WaitingMessage message) {
        InboundRecord record = message.record();
        List<Document> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new Document("name", header.key())
                    .append("value", header.value() == null ? null : new Binary(header.value())));
        }
        Subject subject = message.subject();
        return new Document("_id", message.id())
                .append("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("key", record.key())
                .append("value", new Binary(record.value()))
                .append("headers", headers)
                .append("arrivedAt", Date.from(message.arrivedAt()))
                .append("deadline", Date.from(message.deadline()))
                .append("attempts", message.attempts())
                .append("reasonCode", message.lastOutcome().reason().name())
                .append("reason", message.lastOutcome().message())
                .append("type", subject.type())
                .append("customerId", subject.customerId())
                .append("orderId", subject.orderId())
                .append("createsOrder", subject.createsOrder())
                .append("awaits", message.awaits().fact().name())
                .append("awaitsId", message.awaits().id());
    }

    private static WaitingMessage fromDocument(Document document) {
        List<Header> headers = new ArrayList<>();
        for (Document header : document.getList("headers", Document.class)) {
            Binary value = header.get("value", Binary.class);
            headers.add(new RecordHeader(header.getString("name"), value == null ? null : value.getData()));
        }
        InboundRecord record = new InboundRecord(
                document.getString("topic"),
                document.getInteger("partition"),
                document.getLong("offset"),
                document.getString("key"),
                document.get("value", Binary.class).getData(),
                headers);
        // Kept before messages recorded what they are about: such a message concerns nothing until it is tried again.
        Subject subject = new Subject(
                document.getString("type"),
                document.getString("customerId"),
                document.getString("orderId"),
                document.getBoolean("createsOrder", false));
        Awaited awaits = document.getString("awaits") == null
                ? Awaited.TIME
                : new Awaited(Awaited.Fact.valueOf(document.getString("awaits")), document.getString("awaitsId"));
        return new WaitingMessage(
                document.getString("_id"),
                record,
                instant(document, "arrivedAt"),
                instant(document, "deadline"),
                document.getInteger("attempts"),
                Outcome.waiting(InboundReason.valueOf(document.getString("reasonCode")), document.getString("reason")),
                subject,
                awaits);
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }
}
