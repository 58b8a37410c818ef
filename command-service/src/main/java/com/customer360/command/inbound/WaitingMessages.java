package com.customer360.command.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Messages waiting for a customer or order that does not exist yet, in MongoDB so that they survive restarts. Each is
 * stored under its request id (CloudEvents source and id), so a redelivered record is kept once.
 */
final class WaitingMessages {

    static final String COLLECTION = "inbound_waiting";

    private final MongoTemplate mongo;

    WaitingMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps a message; a message already waiting under the same id stays as it is. */
    void keep(WaitingMessage message) {
        try {
            mongo.insert(toDocument(message), COLLECTION);
        } catch (DuplicateKeyException alreadyWaiting) {
            // The same record delivered again, or another message reusing its id: one of them waits.
        }
    }

    void update(WaitingMessage message) {
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", message.id()), toDocument(message));
    }

    void remove(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    /** Every waiting message, in the order the records arrived. */
    List<WaitingMessage> inArrivalOrder() {
        List<WaitingMessage> messages = new ArrayList<>();
        for (Document document : mongo.getCollection(COLLECTION).find()) {
            messages.add(fromDocument(document));
        }
        messages.sort(Comparator.comparing(WaitingMessage::arrivedAt)
                .thenComparing(message -> message.record().partition())
                .thenComparing(message -> message.record().offset()));
        return messages;
    }

    private static Document toDocument(WaitingMessage message) {
        InboundRecord record = message.record();
        List<Document> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new Document("name", header.key())
                    .append("value", header.value() == null ? null : new Binary(header.value())));
        }
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
                .append("reason", message.lastOutcome().message());
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
        return new WaitingMessage(
                document.getString("_id"),
                record,
                instant(document, "arrivedAt"),
                instant(document, "deadline"),
                document.getInteger("attempts"),
                Outcome.waiting(InboundReason.valueOf(document.getString("reasonCode")), document.getString("reason")));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }
}
