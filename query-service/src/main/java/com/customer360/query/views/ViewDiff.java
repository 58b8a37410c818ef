package com.customer360.query.views;

import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.store.BsonValues;
import com.customer360.query.store.ReadVersions;
import com.customer360.query.web.MaskedAddresses;
import com.customer360.security.ContactMasking;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What differs between two versions of the customer-details view, customer by customer and field by field: the
 * figures per currency, the contact details, the latest shipping address and the order count. Both versions are read
 * once, in {@code _id} order side by side (a merge of two walks of the {@code _id} index, with only the compared
 * fields), and each customer's differences go to a sink as they are found, with the values as stored — the stored
 * diff ({@link StoredDiffs}) keeps them and masks contact data when a page is read. One pass costs a read of both
 * collections, which is why it is made once per rebuild and live version ({@link DiffComputations}), never per page.
 */
@Component
class ViewDiff {

    static final Document FIELDS = new Document("name", 1)
            .append("email", 1)
            .append("phone", 1)
            .append("defaultShippingAddress", 1)
            .append("latestShippingAddress", 1)
            .append("orderCount", 1)
            .append("summaries", 1);

    /** The fields whose values are addresses, stored as the view stores them. */
    static final List<String> ADDRESSES = List.of("defaultShippingAddress", "latestShippingAddress");

    private static final List<String> MONEY = List.of("lifetimeValue", "averageOrderValue", "refundedTotal");
    private static final List<String> COUNTS = List.of("orders", "orderCount");

    private final ReadVersions versions;

    ViewDiff(ReadVersions versions) {
        this.versions = versions;
    }

    /** One difference, with the values as stored ({@code null} where a version has none). */
    record Item(String customerId, String field, Object live, Object rebuilt) {}

    /** Receives each customer's differences, in {@code _id} order; whether to go on. */
    interface Sink {
        boolean customer(String customerId, List<Item> differences);
    }

    /** Compares the two versions, customer by customer; whether the walk reached the end. */
    boolean compare(int live, int rebuilt, Sink sink) {
        try (MongoCursor<Document> liveCursor = walk(live);
                MongoCursor<Document> rebuiltCursor = walk(rebuilt)) {
            Document left = next(liveCursor);
            Document right = next(rebuiltCursor);
            while (left != null || right != null) {
                int order = left == null
                        ? 1
                        : right == null ? -1 : left.getString("_id").compareTo(right.getString("_id"));
                Document a = order <= 0 ? left : null;
                Document b = order >= 0 ? right : null;
                String customerId = (a != null ? a : b).getString("_id");
                if (!sink.customer(customerId, differences(customerId, a, b))) {
                    return false;
                }
                if (a != null) {
                    left = next(liveCursor);
                }
                if (b != null) {
                    right = next(rebuiltCursor);
                }
            }
        }
        return true;
    }

    private MongoCursor<Document> walk(int version) {
        return versions.collection(CustomerDetailsDocuments.COLLECTION, version)
                .find()
                .projection(FIELDS)
                .sort(Sorts.ascending("_id"))
                .batchSize(1000)
                .iterator();
    }

    private static Document next(Iterator<Document> cursor) {
        return cursor.hasNext() ? cursor.next() : null;
    }

    static List<Item> differences(String customerId, Document live, Document rebuilt) {
        List<Item> items = new ArrayList<>();
        if (live == null || rebuilt == null) {
            items.add(new Item(
                    customerId, "customer", live == null ? null : "present", rebuilt == null ? null : "present"));
            return items;
        }
        for (String field : List.of("name", "email", "phone")) {
            compare(items, customerId, field, live.getString(field), rebuilt.getString(field));
        }
        for (String field : ADDRESSES) {
            if (!Objects.equals(BsonValues.address(live.get(field)), BsonValues.address(rebuilt.get(field)))) {
                items.add(new Item(customerId, field, live.get(field), rebuilt.get(field)));
            }
        }
        compare(items, customerId, "orderCount", number(live.get("orderCount")), number(rebuilt.get("orderCount")));
        Map<String, Document> liveSummaries = summaries(live);
        Map<String, Document> rebuiltSummaries = summaries(rebuilt);
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        liveSummaries.keySet().forEach(currency -> currencies.put(currency, true));
        rebuiltSummaries.keySet().forEach(currency -> currencies.put(currency, true));
        for (String currency : currencies.keySet()) {
            Document a = liveSummaries.get(currency);
            Document b = rebuiltSummaries.get(currency);
            for (String field : COUNTS) {
                compare(
                        items,
                        customerId,
                        "summaries." + currency + "." + field,
                        a == null ? null : number(a.get(field)),
                        b == null ? null : number(b.get(field)));
            }
            for (String field : MONEY) {
                compare(
                        items,
                        customerId,
                        "summaries." + currency + "." + field,
                        a == null ? null : money(a.get(field)),
                        b == null ? null : money(b.get(field)));
            }
        }
        return items;
    }

    /** What a value shows to a reader: contact data masked for those who see it masked elsewhere. */
    static Object shown(String field, Object stored, ContactMasking masking) {
        if (stored == null) {
            return null;
        }
        if (ADDRESSES.contains(field)) {
            return MaskedAddresses.of(BsonValues.address(stored), masking);
        }
        return switch (field) {
            case "email" -> masking.email((String) stored);
            case "phone" -> masking.phone((String) stored);
            default -> stored;
        };
    }

    private static void compare(List<Item> items, String customerId, String field, Object live, Object rebuilt) {
        if (!Objects.equals(live, rebuilt)) {
            items.add(new Item(customerId, field, live, rebuilt));
        }
    }

    private static Map<String, Document> summaries(Document customer) {
        Map<String, Document> byCurrency = new TreeMap<>();
        customer.getList("summaries", Document.class, List.of())
                .forEach(summary -> byCurrency.put(summary.getString("currency"), summary));
        return byCurrency;
    }

    private static Long number(Object stored) {
        return stored == null ? null : ((Number) stored).longValue();
    }

    /** Exact, as a decimal string with the stored scale; {@code 10.0} and {@code 10.00} differ only if stored so. */
    private static String money(Object stored) {
        BigDecimal amount = stored == null ? null : BsonValues.money(stored);
        return amount == null ? null : amount.toPlainString();
    }
}
