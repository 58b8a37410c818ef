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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers a rebuilt version could not apply an event of, in {@value #COLLECTION} ({@code _id}
 * {@code <version>:<customerId>}, with the first reason): like the live view's holds, their later events wait — here
 * for good, since a rebuild has no re-drive; they show in the rebuild's {@code heldCustomers} and in its diff.
 */
@Component
class VersionHolds {

    static final String COLLECTION = "view_holds";

    private final MongoCollection<Document> holds;

    VersionHolds(MongoTemplate mongo) {
        this.holds = mongo.getCollection(COLLECTION);
        holds.createIndexes(ViewIndexes.HOLDS);
    }

    Set<String> heldAmong(int version, Collection<String> customerIds) {
        Set<String> held = new HashSet<>();
        if (customerIds.isEmpty()) {
            return held;
        }
        List<String> ids = customerIds.stream().map(id -> version + ":" + id).toList();
        holds.find(Filters.in("_id", ids)).forEach(hold -> held.add(hold.getString("customerId")));
        return held;
    }

    /** Holds the customers, with their reasons; a customer already held keeps its first reason. */
    void hold(int version, Map<String, String> reasons, Instant at) {
        if (reasons.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> inserts = new ArrayList<>();
        reasons.forEach(
                (customerId, reason) -> inserts.add(new InsertOneModel<>(new Document("_id", version + ":" + customerId)
                        .append("version", version)
                        .append("customerId", customerId)
                        .append("reason", reason)
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
