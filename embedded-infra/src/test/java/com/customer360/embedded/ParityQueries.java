package com.customer360.embedded;

import com.mongodb.client.model.Filters;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Seeded random queries for {@link IndexParityTest}: the shapes the indexes answer (equality prefixes, ranges, the
 * keyset {@code $or}, {@code $in}, sorts along and against the index, skip and limit) and shapes just outside them
 * (sorts with ties or on other fields, operators left to the matcher, unsupported operators, bounds of another type).
 */
final class ParityQueries {

    record Query(String shape, Bson filter, Document sort, int skip, int limit) {}

    private final Random random;
    private final ParityData data;

    ParityQueries(Random random) {
        this.random = random;
        this.data = new ParityData(random);
    }

    Query next() {
        Object customer = data.customerId();
        int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
        int skip = random.nextInt(3) == 0 ? random.nextInt(40) : 0;
        Document newestFirst = new Document("orderDate", -1).append("_id", -1);
        return switch (random.nextInt(27)) {
            case 26 ->
                new Query(
                        "tracking reader",
                        Filters.and(
                                Filters.gte("lastAt", data.date(random.nextInt(50))), Filters.nin("_id", knownIds())),
                        sort("lastAt", "_id"),
                        skip,
                        limit);
            case 25 ->
                new Query(
                        "long $in and $nin",
                        longLists(customer),
                        random.nextBoolean() ? newestFirst : null,
                        skip,
                        limit);
            case 24 ->
                new Query(
                        "multikey $all",
                        new Document("tags", new Document("$all", tagsToHold())),
                        random.nextBoolean() ? null : sort("amount", "_id"),
                        skip,
                        limit);
            case 22 ->
                new Query(
                        "multikey",
                        new Document(
                                "tags", random.nextBoolean() ? "t" + random.nextInt(5) : new Document("$gte", "t2")),
                        random.nextBoolean() ? null : sort("tags", "_id"),
                        skip,
                        limit);
            case 23 ->
                new Query(
                        "multikey $in",
                        new Document("tags", new Document("$in", List.of("t1", "t3"))).append("customerId", customer),
                        newestFirst,
                        skip,
                        limit);
            case 0 -> new Query("history", new Document("customerId", customer), newestFirst, skip, limit);
            case 1 -> new Query("history page", keyset(customer), newestFirst, 0, limit);
            case 2 ->
                new Query(
                        "history by status",
                        new Document("customerId", customer).append("status", data.status()),
                        newestFirst,
                        skip,
                        limit);
            case 3 ->
                new Query("status keyset", keyset(customer).append("status", data.status()), newestFirst, 0, limit);
            case 4 -> new Query("date range", dateRange(customer), sort("orderDate"), skip, limit);
            case 5 ->
                new Query(
                        "customers $in",
                        new Document(
                                "customerId", new Document("$in", Arrays.asList(customer, data.customerId(), "c-1"))),
                        random.nextBoolean() ? null : newestFirst,
                        skip,
                        limit);
            case 6 -> new Query("amount range", amountRange(), sort("amount"), skip, limit);
            case 7 ->
                new Query("flag by amount", new Document("flag", random.nextBoolean()), sort("amount"), skip, limit);
            case 8 -> new Query("names", new Document(), sort("name", "_id"), skip, 1 + random.nextInt(30));
            case 9 -> new Query("last order", new Document(), sort("lastAt", "_id"), skip, 1 + random.nextInt(30));
            case 10 ->
                new Query(
                        "history, ties by date",
                        new Document("customerId", customer),
                        new Document("orderDate", random.nextBoolean() ? 1 : -1),
                        skip,
                        limit);
            case 11 ->
                new Query(
                        "driver's $and",
                        Filters.and(
                                Filters.eq("customerId", customer),
                                Filters.or(
                                        Filters.lt("orderDate", data.date(random.nextInt(60))),
                                        Filters.eq("status", data.status()))),
                        newestFirst,
                        skip,
                        limit);
            case 12 ->
                new Query(
                        "residual conditions",
                        new Document("customerId", customer)
                                .append("status", new Document("$ne", data.status()))
                                .append("amount", new Document("$exists", random.nextBoolean())),
                        random.nextBoolean() ? newestFirst : null,
                        skip,
                        limit);
            case 13 ->
                new Query(
                        "unsupported operator",
                        new Document("customerId", customer).append("orderDate", new Document("$type", "date")),
                        newestFirst,
                        skip,
                        limit);
            case 14 ->
                new Query("regex", new Document("customerId", Pattern.compile("^c-1")), newestFirst, skip, limit);
            case 15 -> new Query("null customer", new Document("customerId", null), newestFirst, skip, limit);
            case 16 ->
                new Query(
                        "string bound",
                        new Document("customerId", customer).append("orderDate", new Document("$lt", "2026-06")),
                        newestFirst,
                        skip,
                        limit);
            case 17 ->
                new Query(
                        "unordered index",
                        new Document("weird", new Document(random.nextBoolean() ? "$gt" : "$lte", random.nextInt(5))),
                        sort("weird"),
                        skip,
                        limit);
            case 18 ->
                new Query(
                        "by status, other sort",
                        new Document("customerId", customer).append("status", data.status()),
                        sort("amount", "name"),
                        skip,
                        limit);
            case 19 -> new Query("by _id", idRange(), sort("_id"), skip, limit);
            case 20 ->
                new Query(
                        "unsorted with limit", new Document("customerId", customer), null, skip, 1 + random.nextInt(5));
            default ->
                new Query(
                        "$or of customers",
                        new Document(
                                "$or",
                                List.of(
                                        new Document("customerId", customer),
                                        new Document("customerId", data.customerId()).append("status", data.status()))),
                        random.nextBoolean() ? newestFirst : sort("orderDate"),
                        skip,
                        limit);
        };
    }

    Document keyset(Object customer) {
        Object date = data.orderDate();
        String id = String.format("o-%05d", random.nextInt(6_000));
        return new Document("customerId", customer)
                .append(
                        "$or",
                        List.of(
                                new Document("orderDate", new Document("$lt", date)),
                                new Document("orderDate", date).append("_id", new Document("$lt", id))));
    }

    Document dateRange(Object customer) {
        Document range = new Document(random.nextBoolean() ? "$gte" : "$gt", data.date(random.nextInt(60)));
        if (random.nextBoolean()) {
            range.append(random.nextBoolean() ? "$lt" : "$lte", data.date(random.nextInt(60)));
        }
        return new Document("customerId", customer).append("orderDate", range);
    }

    Document amountRange() {
        Object bound = random.nextBoolean()
                ? (Object) random.nextInt(200)
                : new Decimal128(new java.math.BigDecimal(random.nextInt(200) + ".25"));
        return new Document("amount", new Document(random.nextBoolean() ? "$gt" : "$lte", bound));
    }

    Document idRange() {
        return new Document(
                "_id",
                new Document(random.nextBoolean() ? "$gt" : "$lt", String.format("o-%05d", random.nextInt(6_000))));
    }

    /** A filter for a write: a customer's orders, narrowed by status or date now and then. */
    Document writeFilter() {
        Document filter = new Document("customerId", data.customerId());
        if (random.nextBoolean()) {
            filter.append("status", data.status());
        } else if (random.nextBoolean()) {
            filter.append("orderDate", new Document("$lt", data.date(random.nextInt(60))));
        }
        return filter;
    }

    ParityData data() {
        return data;
    }

    private Document sort(String... paths) {
        Document sort = new Document();
        int direction = random.nextBoolean() ? 1 : -1;
        for (String path : paths) {
            sort.append(path, random.nextInt(5) == 0 ? -direction : direction);
        }
        return sort;
    }

    /** The ids of many orders, as a tracking reader lists the events it has seen; now and then not only strings. */
    private List<Object> knownIds() {
        List<Object> ids = new java.util.ArrayList<>();
        for (int n = 8 + random.nextInt(40); n > 0; n--) {
            ids.add(String.format("o-%05d", random.nextInt(6_000)));
        }
        if (random.nextInt(5) == 0) {
            ids.add(random.nextInt(3));
        }
        return ids;
    }

    /**
     * Long {@code $in} or {@code $nin} lists over fields that hold strings, nulls, numbers, arrays or nothing, beside
     * other conditions.
     */
    private Document longLists(Object customer) {
        List<Object> customers = new java.util.ArrayList<>();
        for (int n = 8 + random.nextInt(12); n > 0; n--) {
            customers.add("c-" + random.nextInt(30));
        }
        customers.add(customer);
        Document filter = new Document("customerId", new Document(random.nextBoolean() ? "$in" : "$nin", customers));
        if (random.nextBoolean()) {
            List<Object> tags = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tags.add("t" + random.nextInt(8));
            }
            filter.append("tags", new Document(random.nextBoolean() ? "$in" : "$nin", tags));
        }
        if (random.nextBoolean()) {
            filter.append("status", data.status());
        }
        return filter;
    }

    /** One to three tags, now and then one no document holds. */
    private List<Object> tagsToHold() {
        List<Object> tags = new java.util.ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            tags.add("t" + random.nextInt(6));
        }
        return tags;
    }
}
