package com.customer360.query.deadletters;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The held customers, in {@code held_customers} keyed by customer id so that the listener finds the holds of a whole
 * batch with one {@code _id $in} query (the only kind of query mongo-java-server answers without a scan).
 */
@Component
class HeldCustomers {

    static final String COLLECTION = "held_customers";

    private static final Logger log = LoggerFactory.getLogger(HeldCustomers.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile boolean indexed;

    HeldCustomers(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("customer360.dead-letters.held-customers", collection, MongoCollection::estimatedDocumentCount)
                .description("customers held behind a dead letter")
                .register(meters);
    }

    /** The holds of those customers who are held, by customer id; one query, none for an empty batch. */
    Map<String, Hold> among(Collection<String> customerIds) {
        Map<String, Hold> held = new HashMap<>();
        if (!customerIds.isEmpty()) {
            collection.find(in("_id", customerIds)).forEach(stored -> held.put(stored.getString("_id"), hold(stored)));
        }
        return held;
    }

    Optional<Hold> find(String customerId) {
        return Optional.ofNullable(collection.find(eq("_id", customerId)).first())
                .map(HeldCustomers::hold);
    }

    /** The customers held at a dead letter with this reason code, oldest hold first (there are few). */
    List<Hold> heldFor(String reasonCode) {
        List<Hold> holds = new ArrayList<>();
        collection
                .find(eq("reasonCode", reasonCode))
                .sort(Sorts.ascending("heldAt", "_id"))
                .forEach(stored -> holds.add(hold(stored)));
        return holds;
    }

    /** Every held customer, oldest hold first. */
    List<Hold> all() {
        List<Hold> holds = new ArrayList<>();
        collection.find().sort(Sorts.ascending("heldAt", "_id")).forEach(stored -> holds.add(hold(stored)));
        return holds;
    }

    /**
     * Holds the customers of these dead letters, starting a hold at a customer's first one where none exists, and
     * bumps the version of every such hold. Called only once the dead letters are stored, so a re-drive that sees a
     * version has also seen the dead letters stored before it.
     */
    void hold(List<DeadLetter> deadLetters) {
        ensureIndexes();
        Map<String, DeadLetter> firstByCustomer = new LinkedHashMap<>();
        for (DeadLetter deadLetter : deadLetters) {
            if (deadLetter.customerId() != null) {
                firstByCustomer.putIfAbsent(deadLetter.customerId(), deadLetter);
            }
        }
        if (firstByCustomer.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>(firstByCustomer.size());
        List<DeadLetter> firsts = new ArrayList<>(firstByCustomer.values());
        for (DeadLetter first : firsts) {
            upserts.add(new UpdateOneModel<>(
                    eq("_id", first.customerId()),
                    Updates.combine(
                            Updates.setOnInsert("firstDeadLetterId", first.id()),
                            Updates.setOnInsert("reasonCode", first.reasonCode()),
                            Updates.setOnInsert("topic", first.record().topic()),
                            Updates.setOnInsert("partition", first.record().partition()),
                            Updates.setOnInsert("offset", first.record().offset()),
                            Updates.setOnInsert("heldAt", Date.from(clock.instant())),
                            Updates.inc("version", 1L)),
                    UPSERT));
        }
        BulkWriteResult result = collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        for (BulkWriteUpsert upsert : result.getUpserts()) {
            DeadLetter first = firsts.get(upsert.getIndex());
            log.warn("Customer {} is held behind dead letter {}", first.customerId(), first.id());
            meters.counter("customer360.intake.customers-held").increment();
        }
    }

    /**
     * Releases the hold if its version is still {@code version}, the one read before its dead letters were found
     * gone; returns whether it did. A batch that stored dead letters since has bumped the version, so the hold stays.
     */
    boolean release(String customerId, long version) {
        boolean released = collection
                        .deleteOne(new Document("_id", customerId).append("version", version))
                        .getDeletedCount()
                > 0;
        if (released) {
            log.info("Customer {} is no longer held", customerId);
        }
        return released;
    }

    /** Declared before the first hold; see {@link DeadLetterIndexes}. */
    private void ensureIndexes() {
        if (!indexed) {
            collection.createIndexes(DeadLetterIndexes.HOLDS);
            indexed = true;
        }
    }

    private static Hold hold(Document stored) {
        return new Hold(
                stored.getString("_id"),
                stored.getString("firstDeadLetterId"),
                stored.getString("reasonCode"),
                stored.getString("topic"),
                stored.getInteger("partition"),
                stored.getLong("offset"),
                stored.getDate("heldAt").toInstant(),
                stored.getLong("version"));
    }
}
