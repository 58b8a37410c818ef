package com.customer360.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Matches a query's long {@code $in} and {@code $nin} lists of strings by a hash lookup, and leaves the rest of the
 * query to mongo-java-server's matcher.
 *
 * <p>Why: that matcher normalises every value of such a list again for every document it tests, so a filter with
 * a list of {@code n} values over {@code m} candidates costs {@code n × m}. Axon's tracking readers ask exactly that:
 * every poll of the Kafka relay reads the events of the last seconds except those it already knows ({@code
 * eventIdentifier $nin [the ids of those seconds]}); under the demo data's load this quadratic matching was 8 % of
 * the whole process's CPU. A set built once per query answers each document in one lookup.
 *
 * <p>When it is the same answer: a top-level field without dots, one operator, every listed value a string, and the
 * document's value a string — then membership is string equality, as in MongoDB. For any other value of the field
 * (missing, {@code null}, an array, a number, ...) the whole query goes to the full matcher, so nothing but the
 * plain case is decided here. The query's fields are a conjunction, so a list that rules a document out decides it.
 */
final class StringSetMatcher {

    /** Shorter lists are matched as they are: building a set would cost more than it saves. */
    static final int MIN_VALUES = 8;

    private record Membership(String field, Set<String> values, boolean negated) {}

    private StringSetMatcher() {}

    /**
     * A predicate equal to {@code full.apply(query)} on every document.
     *
     * @param full the full matcher of a query
     */
    static Predicate<Document> of(Document query, Function<Document, Predicate<Document>> full) {
        Predicate<Document> whole = full.apply(query);
        List<Document> conjuncts = new ArrayList<>();
        if (!flatten(query, conjuncts)) {
            return whole;
        }
        List<Membership> memberships = new ArrayList<>();
        List<Document> rest = new ArrayList<>();
        for (Document conjunct : conjuncts) {
            Map.Entry<String, Object> entry = conjunct.entrySet().iterator().next();
            Membership membership = membership(entry.getKey(), entry.getValue());
            if (membership != null) {
                memberships.add(membership);
            } else {
                rest.add(conjunct);
            }
        }
        if (memberships.isEmpty()) {
            return whole;
        }
        Predicate<Document> others = rest.isEmpty()
                ? document -> true
                : full.apply(rest.size() == 1 ? rest.get(0) : new Document("$and", rest));
        return document -> {
            for (Membership membership : memberships) {
                if (!(document.get(membership.field()) instanceof String value)) {
                    return whole.test(document);
                }
                if (membership.values().contains(value) == membership.negated()) {
                    return false;
                }
            }
            return others.test(document);
        };
    }

    /**
     * The query's conditions, each as a one-field document, with top-level {@code $and}s (as the Java driver writes
     * {@code Filters.and}) opened up; {@code false} for an {@code $and} the matcher would refuse.
     */
    private static boolean flatten(Document query, List<Document> conjuncts) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (!entry.getKey().equals("$and")) {
                conjuncts.add(new Document(entry.getKey(), entry.getValue()));
                continue;
            }
            if (!(entry.getValue() instanceof List<?> all) || all.isEmpty()) {
                return false;
            }
            for (Object element : all) {
                if (!(element instanceof Document document) || !flatten(document, conjuncts)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Membership membership(String field, Object condition) {
        if (field.startsWith("$") || field.contains(".") || !(condition instanceof Document operators)) {
            return null;
        }
        if (operators.size() != 1) {
            return null;
        }
        String operator = operators.keySet().iterator().next();
        if (!operator.equals("$in") && !operator.equals("$nin")) {
            return null;
        }
        if (!(operators.get(operator) instanceof Collection<?> listed) || listed.size() < MIN_VALUES) {
            return null;
        }
        Set<String> values = new HashSet<>(listed.size() * 2);
        for (Object value : listed) {
            if (!(value instanceof String string)) {
                return null;
            }
            values.add(string);
        }
        return new Membership(field, values, operator.equals("$nin"));
    }
}
