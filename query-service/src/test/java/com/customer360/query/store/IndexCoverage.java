package com.customer360.query.store;

import com.mongodb.client.model.IndexModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Whether a query is served by an index the way MongoDB's planner serves it best: its equality fields are a prefix of
 * the index, its sort follows that prefix in the index's order (or exactly reversed), and its ranges are on the sort's
 * fields only. Then the store reads as many index entries as the page shows, however large the collection; a query no
 * declared index covers like this would scan or sort in memory. The container test asks real MongoDB to confirm.
 */
public final class IndexCoverage {

    private IndexCoverage() {}

    /** The declared index that serves the query, or {@code null}; {@code _id} alone is always an index. */
    public static BsonDocument servingIndex(BsonDocument command, List<IndexModel> declared) {
        BsonDocument filter;
        BsonDocument sort;
        if (command.containsKey("aggregate")) {
            // countDocuments: {$match: filter}, then a $group
            BsonDocument first = command.getArray("pipeline").get(0).asDocument();
            filter = first.getDocument("$match", new BsonDocument());
            sort = new BsonDocument();
        } else {
            filter = command.getDocument("filter", new BsonDocument());
            sort = command.getDocument("sort", new BsonDocument());
        }
        Set<String> equalities = new LinkedHashSet<>();
        Set<String> ranges = new LinkedHashSet<>();
        if (!collect(filter, equalities, ranges)) {
            return null;
        }
        List<BsonDocument> indexes = new ArrayList<>();
        indexes.add(new BsonDocument("_id", new org.bson.BsonInt32(1)));
        declared.forEach(index -> indexes.add(keys(index.getKeys())));
        for (BsonDocument index : indexes) {
            if (serves(index, equalities, ranges, sort)) {
                return index;
            }
        }
        return null;
    }

    private static boolean serves(BsonDocument index, Set<String> equalities, Set<String> ranges, BsonDocument sort) {
        List<String> keys = new ArrayList<>(index.keySet());
        if (keys.size() < equalities.size()
                || !Set.copyOf(keys.subList(0, equalities.size())).equals(equalities)) {
            return false;
        }
        List<String> rest = keys.subList(equalities.size(), keys.size());
        Map<String, Integer> wanted = new LinkedHashMap<>();
        sort.forEach(
                (field, direction) -> wanted.put(field, direction.asNumber().intValue()));
        if (wanted.isEmpty()) {
            // Without a sort, a range must start the rest of the index.
            return ranges.isEmpty()
                    || (ranges.size() == 1
                            && !rest.isEmpty()
                            && rest.get(0).equals(ranges.iterator().next()));
        }
        if (rest.size() < wanted.size()) {
            return false;
        }
        int sign = 0;
        int i = 0;
        for (Map.Entry<String, Integer> field : wanted.entrySet()) {
            String key = rest.get(i++);
            if (!key.equals(field.getKey())) {
                return false;
            }
            int relation = Integer.signum(index.get(key).asNumber().intValue()) * Integer.signum(field.getValue());
            if (sign != 0 && relation != sign) {
                return false;
            }
            sign = relation;
        }
        return wanted.keySet().containsAll(ranges);
    }

    /** Sorts the filter's fields into equalities and ranges; {@code false} for a shape no index serves. */
    private static boolean collect(BsonDocument filter, Set<String> equalities, Set<String> ranges) {
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String field = entry.getKey();
            BsonValue value = entry.getValue();
            if (field.equals("$and")) {
                for (BsonValue part : value.asArray()) {
                    if (!collect(part.asDocument(), equalities, ranges)) {
                        return false;
                    }
                }
            } else if (field.equals("$or")) {
                // Keyset paging: every branch constrains only fields that are ordered by the sort.
                for (BsonValue branch : value.asArray()) {
                    Set<String> branchEqualities = new LinkedHashSet<>();
                    if (!collect(branch.asDocument(), branchEqualities, ranges)) {
                        return false;
                    }
                    ranges.addAll(branchEqualities);
                }
            } else if (field.startsWith("$")) {
                return false;
            } else if (value.isDocument()
                    && value.asDocument().keySet().stream().allMatch(k -> k.startsWith("$"))) {
                for (String operator : value.asDocument().keySet()) {
                    switch (operator) {
                        case "$eq", "$in" -> equalities.add(field);
                        case "$gt", "$gte", "$lt", "$lte" -> ranges.add(field);
                        default -> {
                            return false;
                        }
                    }
                }
            } else {
                equalities.add(field);
            }
        }
        ranges.removeAll(equalities);
        return true;
    }

    private static BsonDocument keys(Bson keys) {
        return keys.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
    }
}
