package com.customer360.query.views;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers a rebuilt version could not apply an event of, in {@value #COLLECTION} ({@code _id}
 * {@code <version>:<customerId>}, with the first reason and the position of the event): like the live view's holds,
 * their later events wait — here for good, since a rebuild has no re-drive; they show in the rebuild's
 * {@code heldCustomers} and in its diff.
 *
 * <p>A hold covers its event and every later one, not the earlier ones: a rebuild that folds the customer's events
 * again from the beginning (a resumed pass, or a later one after it dropped the customer from memory) applies those
 * before the hold as the first time, and ends with the same documents.
 */
@Component
class VersionHolds {

    static final String COLLECTION = "view_holds";

    private final MongoCollection<Document> holds;

    VersionHolds(MongoTemplate mongo) {
        this.holds = mongo.getCollection(COLLECTION);
        holds.createIndexes(ViewIndexes.HOLDS);
    }

    /** Why a customer is held, from which record of the topic on. */
    record Hold(String reason, int partition, long offset) {

        /** Whether the record at this position waits behind the hold. */
        boolean covers(int partition, long offset) {
            return partition != this.partition || offset >= this.offset;
        }
    }

    /** The holds of those of the customers that are held, by customer. */
    Map<String, Hold> heldAmong(int version, Collection<String> customerIds) {
        Map<String, Hold> held = new HashMap<>();
        if (customerIds.isEmpty()) {
            return held;
        }
        List<String> ids = customerIds.stream().map(id -> version + ":" + id).toList();
        holds.find(Filters.in("_id", ids))
                .forEach(hold -> held.put(
                        hold.getString("customerId"),
                        new Hold(
                                hold.getString("reason"),
                                hold.getInteger("partition", -1),
                                // a hold recorded without its position covers every event of the customer
                                hold.get("offset", Number.class) == null
                                        ? 0
                                        : hold.get("offset", Number.class).longValue())));
        return held;
    }

    /** Holds the customers, with their reasons; a customer already held keeps its first hold. */
    void hold(int version, Map<String, Hold> reasons, Instant at) {
        if (reasons.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> inserts = new ArrayList<>();
        reasons.forEach(
                (customerId, hold) -> inserts.add(new InsertOneModel<>(new Document("_id", version + ":" + customerId)
                        .append("version", version)
                        .append("customerId", customerId)
                        .append("reason", hold.reason())
                        .append("partition", hold.partition())
                        .append("offset", hold.offset())
                        .append("at", Date.from(at)))));
        try {
            holds.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    long count(int version) {
        return holds.countDocuments(Filters.eq("version", version));
    }

    void drop(int version) {
        holds.deleteMany(Filters.eq("version", version));
    }
}
