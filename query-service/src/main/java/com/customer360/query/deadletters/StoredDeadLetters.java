package com.customer360.query.deadletters;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead letters as re-drive works from them, in {@code dead_letters}: each record exactly as it came (key, value
 * bytes, headers, coordinates) with why it was not applied, under the id {@code <topic>-<partition>-<offset>}, so a
 * redelivered batch stores nothing twice. The dead-letter topic carries the same records for alerting and audit.
 */
@Component
class StoredDeadLetters {

    static final String COLLECTION = "dead_letters";

    private static final Bson TOPIC_ORDER = Sorts.ascending("partition", "offset");

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private volatile boolean indexed;

    StoredDeadLetters(MongoTemplate mongo, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Stores each one whose id is not stored yet; returns once the writes are acknowledged. */
    void store(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        ensureIndexes();
        Date failedAt = Date.from(clock.instant());
        List<WriteModel<Document>> inserts = new ArrayList<>(deadLetters.size());
        deadLetters.forEach(deadLetter -> inserts.add(new InsertOneModel<>(document(deadLetter, failedAt))));
        try {
            collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A redelivered batch: the dead letters it stored before keep their first reason.
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /**
     * The customer's dead letters after a topic position, as the records they were, in the order they had on the
     * topic; {@code after} {@code null} starts at the first.
     */
    List<ConsumerRecord<String, byte[]>> of(String customerId, ConsumerRecord<?, ?> after, int limit) {
        Bson filter = eq("customerId", customerId);
        if (after != null) {
            filter = Filters.and(
                    filter,
                    Filters.or(
                            Filters.gt("partition", after.partition()),
                            Filters.and(eq("partition", after.partition()), Filters.gt("offset", after.offset()))));
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        collection.find(filter).sort(TOPIC_ORDER).limit(limit).forEach(stored -> records.add(record(stored)));
        return records;
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    long countOf(String customerId) {
        return collection.countDocuments(eq("customerId", customerId));
    }

    /** A page in topic order, of one customer's dead letters or, for {@code null}, of all of them. */
    DeadLetterPage page(String customerId, int page, int size) {
        Bson filter = customerId == null ? new Document() : eq("customerId", customerId);
        long total = collection.countDocuments(filter);
        List<DeadLetterPage.Item> items = new ArrayList<>(size);
        collection
                .find(filter)
                .projection(new Document("value", 0).append("headers", 0).append("key", 0))
                .sort(customerId == null ? Sorts.ascending("customerId", "partition", "offset") : TOPIC_ORDER)
                .skip((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .limit(size)
                .forEach(stored -> items.add(item(stored)));
        return new DeadLetterPage(items, page, size, total, page > 0, (long) (page + 1) * size < total);
    }

    void delete(Collection<String> ids) {
        if (!ids.isEmpty()) {
            collection.deleteMany(in("_id", ids));
        }
    }

    /** Records why each dead letter still cannot be applied when it was last re-driven. */
    void updateReasons(Collection<DeadLetter> stillFailing) {
        if (stillFailing.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> updates = new ArrayList<>(stillFailing.size());
        for (DeadLetter deadLetter : stillFailing) {
            updates.add(new UpdateOneModel<>(
                    eq("_id", deadLetter.id()),
                    Updates.combine(
                            Updates.set("reasonCode", deadLetter.reasonCode()),
                            Updates.set("reason", deadLetter.reason()),
                            Updates.set("lastRedrivenAt", now))));
        }
        collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /**
     * Declares what a real MongoDB needs to serve re-drives and listings without scanning (mongo-java-server
     * ignores such indexes and scans; dead letters are few).
     */
    private void ensureIndexes() {
        if (!indexed) {
            collection.createIndexes(DeadLetterIndexes.DEAD_LETTERS);
            indexed = true;
        }
    }

    private static Document document(DeadLetter deadLetter, Date failedAt) {
        ConsumerRecord<String, byte[]> record = deadLetter.record();
        List<Document> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new Document("name", header.key())
                    .append("value", header.value() == null ? null : new Binary(header.value())));
        }
        return new Document("_id", deadLetter.id())
                .append("customerId", deadLetter.customerId())
                .append("key", record.key())
                .append("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("timestamp", record.timestamp())
                .append("value", record.value() == null ? null : new Binary(record.value()))
                .append("headers", headers)
                .append("reasonCode", deadLetter.reasonCode())
                .append("reason", deadLetter.reason())
                .append("heldBehind", deadLetter.heldBehind())
                .append("failedAt", failedAt);
    }

    private static ConsumerRecord<String, byte[]> record(Document stored) {
        RecordHeaders headers = new RecordHeaders();
        for (Document header : stored.getList("headers", Document.class, List.of())) {
            Binary value = header.get("value", Binary.class);
            headers.add(header.getString("name"), value == null ? null : value.getData());
        }
        Binary value = stored.get("value", Binary.class);
        return new ConsumerRecord<>(
                stored.getString("topic"),
                stored.getInteger("partition"),
                stored.getLong("offset"),
                stored.getLong("timestamp"),
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                stored.getString("key"),
                value == null ? null : value.getData(),
                headers,
                Optional.empty());
    }

    private static DeadLetterPage.Item item(Document stored) {
        Date failedAt = stored.getDate("failedAt");
        return new DeadLetterPage.Item(
                stored.getString("_id"),
                stored.getString("customerId"),
                stored.getString("topic"),
                stored.getInteger("partition"),
                stored.getLong("offset"),
                stored.getString("reasonCode"),
                stored.getString("reason"),
                stored.getString("heldBehind"),
                failedAt == null ? null : failedAt.toInstant());
    }

    /** The stored dead letter's customer, or {@code null} for a record that had no key. */
    static String customerIdOf(Document stored) {
        return stored.getString("customerId");
    }
}
