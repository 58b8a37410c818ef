package com.customer360.query.store;

import com.mongodb.client.model.IndexModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * How a declared index serves a query the way MongoDB's planner serves it best:
 *
 * <ul>
 *   <li>{@link Plan#EXACT}: the query's equality fields are a prefix of the index, its sort follows in the index's
 *       order (or exactly reversed) and its ranges are on the sort's fields: the store reads as many index entries as
 *       the page shows, however large the collection;
 *   <li>{@link Plan#ORDERED}: an index yields the rows in the sort's order after an equality prefix, and the other
 *       conditions are checked on the documents it yields: no scan and no sort in memory, but the cost grows with the
 *       rows the filters pass over (the customer list's filters);
 *   <li>{@link Plan#SEARCH}: a multikey index finds the documents that have every piece of a search; the few matches
 *       are then sorted.
 * </ul>
 *
 * A query none of these covers would scan the collection or sort it in memory. The container test asks real MongoDB
 * for the plans.
 */
public final class IndexCoverage {

    /** How well a query is served; {@code null} from {@link #plan} when it is not. */
    public enum Plan {
        EXACT,
        ORDERED,
        SEARCH
    }

    private IndexCoverage() {}

    /** The declared index that serves the query exactly, or {@code null}; {@code _id} alone is always an index. */
    public static BsonDocument servingIndex(BsonDocument command, List<IndexModel> declared) {
        Query query = Query.of(command);
        if (query == null) {
            return null;
        }
        for (BsonDocument index : indexes(declared)) {
            if (exact(index, query)) {
                return index;
            }
        }
        return null;
    }

    /** The best way a declared index serves the query, or {@code null} when none does. */
    public static Plan plan(BsonDocument command, List<IndexModel> declared) {
        Query query = Query.of(command);
        if (query == null) {
            return null;
        }
        List<BsonDocument> indexes = indexes(declared);
        if (query.equalities.contains("_id") || indexes.stream().anyMatch(index -> exact(index, query))) {
            return Plan.EXACT;
        }
        if (!query.multikey.isEmpty()
                && indexes.stream().anyMatch(index -> query.multikey.contains(index.getFirstKey()))) {
            return Plan.SEARCH;
        }
        if (indexes.stream().anyMatch(index -> ordered(index, query))) {
            return Plan.ORDERED;
        }
        return null;
    }

    private static List<BsonDocument> indexes(List<IndexModel> declared) {
        List<BsonDocument> indexes = new ArrayList<>();
        indexes.add(new BsonDocument("_id", new BsonInt32(1)));
        declared.forEach(index -> indexes.add(keys(index.getKeys())));
        return indexes;
    }

    private static boolean exact(BsonDocument index, Query query) {
        if (!query.multikey.isEmpty() || !query.residual.isEmpty()) {
            return false;
        }
        List<String> keys = new ArrayList<>(index.keySet());
        int prefix = query.equalities.size();
        if (keys.size() < prefix || !Set.copyOf(keys.subList(0, prefix)).equals(query.equalities)) {
            return false;
        }
        List<String> rest = keys.subList(prefix, keys.size());
        if (query.sort.isEmpty()) {
            return query.ranges.isEmpty()
                    || (query.ranges.size() == 1
                            && !rest.isEmpty()
                            && rest.get(0).equals(query.ranges.iterator().next()));
        }
        return followsSort(index, rest, query.sort) && query.sort.keySet().containsAll(query.ranges);
    }

    /**
     * An equality prefix of the index, then the sort; the rest is filtered. Without a sort (a count), the equality
     * prefix must not be empty, or the index would be walked whole.
     */
    private static boolean ordered(BsonDocument index, Query query) {
        List<String> keys = new ArrayList<>(index.keySet());
        int prefix = 0;
        while (prefix < keys.size() && query.equalities.contains(keys.get(prefix))) {
            prefix++;
        }
        if (query.sort.isEmpty()) {
            return prefix > 0;
        }
        return followsSort(index, keys.subList(prefix, keys.size()), query.sort);
    }

    private static boolean followsSort(BsonDocument index, List<String> rest, Map<String, Integer> sort) {
        if (rest.size() < sort.size()) {
            return false;
        }
        int sign = 0;
        int i = 0;
        for (Map.Entry<String, Integer> field : sort.entrySet()) {
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
        return true;
    }

    /** A find's (or a count's) conditions sorted by how an index can serve them. */
    private static final class Query {
        final Set<String> equalities = new LinkedHashSet<>();
        final Set<String> ranges = new LinkedHashSet<>();
        final Set<String> residual = new LinkedHashSet<>();
        final Set<String> multikey = new LinkedHashSet<>();
        final Map<String, Integer> sort = new LinkedHashMap<>();

        static Query of(BsonDocument command) {
            Query query = new Query();
            BsonDocument filter;
            if (command.containsKey("aggregate")) {
                // countDocuments: {$match: filter}, then a $group
                filter = command.getArray("pipeline").get(0).asDocument().getDocument("$match", new BsonDocument());
            } else {
                filter = command.getDocument("filter", new BsonDocument());
                command.getDocument("sort", new BsonDocument())
                        .forEach((field, direction) ->
                                query.sort.put(field, direction.asNumber().intValue()));
            }
            if (!query.collect(filter, false)) {
                return null;
            }
            query.ranges.removeAll(query.equalities);
            // A range on a field that is not sorted by can only be checked on the documents.
            query.ranges.removeIf(field -> !query.sort.containsKey(field) && query.residual.add(field));
            if (query.ranges.size() > 1 && query.sort.isEmpty()) {
                return null;
            }
            return query;
        }

        /** {@code false} for a shape no index serves at all (an unknown operator at the top). */
        private boolean collect(BsonDocument filter, boolean inOr) {
            for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
                String field = entry.getKey();
                BsonValue value = entry.getValue();
                if (field.equals("$and")) {
                    for (BsonValue part : value.asArray()) {
                        if (!collect(part.asDocument(), inOr)) {
                            return false;
                        }
                    }
                } else if (field.equals("$or")) {
                    // Keyset paging: every branch constrains fields ordered by the sort.
                    for (BsonValue branch : value.asArray()) {
                        if (!collect(branch.asDocument(), true)) {
                            return false;
                        }
                    }
                } else if (field.startsWith("$")) {
                    return false;
                } else if (value.isDocument()
                        && !value.asDocument().isEmpty()
                        && value.asDocument().keySet().stream().allMatch(k -> k.startsWith("$"))) {
                    for (String operator : value.asDocument().keySet()) {
                        switch (operator) {
                            case "$eq", "$in" -> (inOr ? ranges : equalities).add(field);
                            case "$gt", "$gte", "$lt", "$lte" -> ranges.add(field);
                            case "$all" -> multikey.add(field);
                            case "$regex", "$options", "$not", "$ne" -> residual.add(field);
                            default -> {
                                return false;
                            }
                        }
                    }
                } else {
                    (inOr ? ranges : equalities).add(field);
                }
            }
            return true;
        }
    }

    private static BsonDocument keys(Bson keys) {
        return keys.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
    }
}
