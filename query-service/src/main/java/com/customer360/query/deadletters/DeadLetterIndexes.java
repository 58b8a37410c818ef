package com.customer360.query.deadletters;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Map;

/**
 * The indexes a real MongoDB needs to serve the dead-letter queries without scanning: a customer's dead letters in
 * topic order (re-drive, listing, counts), all of them in listing order, and the holds by reason and age.
 * mongo-java-server ignores them and scans; there are few dead letters and holds.
 */
public final class DeadLetterIndexes {

    static final List<IndexModel> DEAD_LETTERS = List.of(
            new IndexModel(Indexes.ascending("customerId", "partition", "offset")),
            new IndexModel(Indexes.ascending("partition", "offset")));

    static final List<IndexModel> HOLDS = List.of(
            new IndexModel(Indexes.ascending("reasonCode", "heldAt", "_id")),
            new IndexModel(Indexes.ascending("heldAt", "_id")));

    private DeadLetterIndexes() {}

    /** By collection name. */
    public static Map<String, List<IndexModel>> byCollection() {
        return Map.of(StoredDeadLetters.COLLECTION, DEAD_LETTERS, HeldCustomers.COLLECTION, HOLDS);
    }
}
