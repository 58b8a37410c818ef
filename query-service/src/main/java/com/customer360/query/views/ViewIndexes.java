package com.customer360.query.views;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Map;

/** The indexes of the views' own collections, declared where they are created and checked by the query-plan test. */
public final class ViewIndexes {

    static final List<IndexModel> REBUILDS = List.of(
            new IndexModel(Indexes.descending("startedAt", "_id")),
            new IndexModel(Indexes.ascending("view", "version")),
            new IndexModel(Indexes.ascending("dropped", "_id")));

    static final List<IndexModel> HOLDS = List.of(new IndexModel(Indexes.ascending("version", "_id")));

    /** A recomputed diff's chunks are deleted by computation, a dropped rebuild's by rebuild. */
    static final List<IndexModel> DIFF_ITEMS =
            List.of(new IndexModel(Indexes.ascending("computation")), new IndexModel(Indexes.ascending("rebuildId")));

    private ViewIndexes() {}

    public static Map<String, List<IndexModel>> byCollection() {
        return Map.of(Rebuilds.COLLECTION, REBUILDS, VersionHolds.COLLECTION, HOLDS, StoredDiffs.ITEMS, DIFF_ITEMS);
    }
}
