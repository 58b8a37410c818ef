package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query filter as a union of branches, each a conjunction of {@link FieldCondition}s. A top-level {@code $or}
 * (alone, beside other conditions, or inside {@code $and}) makes one branch per alternative, each with the
 * conditions beside it: the keyset shape {@code {customerId: c, $or: [{orderDate: {$lt: d}}, {orderDate: d, _id:
 * {$lt: id}}]}} is two branches that share {@code customerId}.
 *
 * <p>Why: each condition of a branch is necessary for a document to match that branch, so the union of the
 * branches' index ranges holds every match; the planner fetches only those documents and the matcher still decides.
 * A branch is {@code complete} when its conditions say all that the filter says of it; only then may an index
 * count or skip entries without looking at the documents.
 *
 * <p>Parts that no condition says are left to the matcher, but only those it evaluates without failing
 * ({@link #SAFE_OPERATORS}, embedded documents, arrays, regular expressions, {@code $comment}). A filter with anything
 * else is not planned, so that it fails, or not, exactly as in a scan.
 */
final class QueryBranches {

    private static final Set<String> SAFE_OPERATORS =
            Set.of("$eq", "$ne", "$in", "$nin", "$all", "$gt", "$gte", "$lt", "$lte", "$exists");
    private static final int MAX_BRANCHES = 16;

    record Branch(Map<String, FieldCondition> conditions, boolean complete) {}

    private QueryBranches() {}

    /** The branches of {@code filter}, or {@code null} if it is left to the scan. */
    static List<Branch> of(Document filter) {
        Conjunction top = new Conjunction();
        if (!top.addAll(filter)) {
            return null;
        }
        if (top.alternatives == null) {
            return List.of(top.toBranch());
        }
        if (top.alternatives.size() > MAX_BRANCHES) {
            return null;
        }
        List<Branch> branches = new ArrayList<>();
        for (Document alternative : top.alternatives) {
            Conjunction branch = top.copyWithoutAlternatives();
            if (!branch.addAll(alternative)) {
                return null;
            }
            if (branch.alternatives != null) {
                if (!branch.alternatives.stream().allMatch(QueryBranches::isSafe)) {
                    return null;
                }
                branch.complete = false;
            }
            branches.add(branch.toBranch());
        }
        return branches;
    }

    private static boolean isSafe(Document filter) {
        return of(filter) != null;
    }

    private static final class Conjunction {
        private final Map<String, FieldCondition> conditions = new LinkedHashMap<>();
        private List<Document> alternatives;
        private boolean complete = true;

        Conjunction copyWithoutAlternatives() {
            Conjunction copy = new Conjunction();
            copy.conditions.putAll(conditions);
            copy.complete = complete;
            return copy;
        }

        Branch toBranch() {
            return new Branch(Collections.unmodifiableMap(new LinkedHashMap<>(conditions)), complete);
        }

        boolean addAll(Document filter) {
            for (Map.Entry<String, Object> entry : filter.entrySet()) {
                if (!add(entry.getKey(), entry.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private boolean add(String key, Object value) {
            switch (key) {
                case "$comment" -> {
                    return true;
                }
                case "$and" -> {
                    List<Document> documents = documents(value);
                    return documents != null && documents.stream().allMatch(this::addAll);
                }
                case "$or" -> {
                    List<Document> documents = documents(value);
                    if (documents == null) {
                        return false;
                    }
                    if (alternatives != null) {
                        complete = false;
                        return documents.stream().allMatch(QueryBranches::isSafe);
                    }
                    alternatives = documents;
                    return true;
                }
                default -> {
                    if (!isPlainPath(key) || !isSafeValue(value)) {
                        return false;
                    }
                    FieldCondition condition = condition(value);
                    if (condition == null || conditions.containsKey(key)) {
                        complete = false;
                        return true;
                    }
                    conditions.put(key, condition);
                    if (value instanceof Document operators && operators.size() != condition.operators()) {
                        complete = false;
                    }
                    return true;
                }
            }
        }
    }

    private static List<Document> documents(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Document> documents = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Document document)) {
                return null;
            }
            documents.add(document);
        }
        return documents;
    }

    private static boolean isPlainPath(String key) {
        for (String fragment : key.split("\\.", -1)) {
            if (fragment.isEmpty()
                    || fragment.startsWith("$")
                    || fragment.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the matcher evaluates this field value without failing, whatever the documents hold. */
    private static boolean isSafeValue(Object value) {
        if (!(value instanceof Document operators)
                || operators.isEmpty()
                || BsonRegularExpression.isRegularExpression(operators)) {
            return true;
        }
        long dollars =
                operators.keySet().stream().filter(op -> op.startsWith("$")).count();
        if (dollars == 0) {
            return true; // an embedded document to equal
        }
        if (dollars != operators.size()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            String name = operator.getKey();
            if (!SAFE_OPERATORS.contains(name)) {
                return false;
            }
            if ((name.equals("$in") || name.equals("$nin") || name.equals("$all"))
                    && !(operator.getValue() instanceof Collection)) {
                return false;
            }
        }
        return true;
    }

    /** The condition a field's query value sets, or {@code null} if it is left to the matcher. */
    private static FieldCondition condition(Object value) {
        if (!(value instanceof Document operators)) {
            return isKeyValue(value) ? FieldCondition.equalTo(normalised(Collections.singletonList(value))) : null;
        }
        if (operators.isEmpty()
                || BsonRegularExpression.isRegularExpression(operators)
                || !operators.keySet().iterator().next().startsWith("$")) {
            return null;
        }
        if (operators.containsKey("$eq") && isKeyValue(operators.get("$eq"))) {
            return FieldCondition.equalTo(normalised(Collections.singletonList(operators.get("$eq"))));
        }
        if (operators.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(QueryBranches::isKeyValue)) {
            return FieldCondition.equalTo(normalised(new ArrayList<>(values)));
        }
        if (operators.get("$all") instanceof List<?> values
                && !values.isEmpty()
                && values.stream().allMatch(element -> element != null && isKeyValue(element))) {
            // Every match holds each value (as the field or an element of it); an index looks up one of them, the
            // matcher checks the others.
            return FieldCondition.allOf(normalised(new ArrayList<>(values)));
        }
        return range(operators);
    }

    private static FieldCondition range(Document operators) {
        Object low = null;
        Object high = null;
        boolean lowInclusive = false;
        boolean highInclusive = false;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            String name = operator.getKey();
            Object bound = operator.getValue();
            boolean isRange = name.equals("$gt") || name.equals("$gte") || name.equals("$lt") || name.equals("$lte");
            if (!isRange || bound == null || !isKeyValue(bound)) {
                continue;
            }
            if (name.startsWith("$g") && low == null) {
                low = normalised(bound);
                lowInclusive = name.equals("$gte");
            } else if (name.startsWith("$l") && high == null) {
                high = normalised(bound);
                highInclusive = name.equals("$lte");
            }
        }
        if (low != null && high != null && IndexKeyOrder.Rank.of(low) != IndexKeyOrder.Rank.of(high)) {
            high = null; // such a range matches nothing; one end is enough for the index, the matcher does the rest
        }
        int used = (low != null ? 1 : 0) + (high != null ? 1 : 0);
        return used == 0 ? null : new FieldCondition(null, low, lowInclusive, high, highInclusive, used, null);
    }

    /** A value an index key can be compared with exactly (see {@link OrderedValues}); not a missing field. */
    private static boolean isKeyValue(Object value) {
        return !(value instanceof Missing) && OrderedValues.isOrdered(value);
    }

    private static Object normalised(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private static List<Object> normalised(List<Object> values) {
        List<Object> normalised = new ArrayList<>(values.size());
        for (Object value : values) {
            normalised.add(normalised(value));
        }
        return normalised;
    }
}
