package com.customer360.query.views;

import com.customer360.events.Address;
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
 * fields), so a diff costs one pass over both collections whatever page is asked for, and holds one page of items in
 * memory. Contact data is masked for those who see it masked elsewhere.
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

    private static final List<String> MONEY = List.of("lifetimeValue", "averageOrderValue", "refundedTotal");
    private static final List<String> COUNTS = List.of("orders", "orderCount");

    private final ReadVersions versions;

    ViewDiff(ReadVersions versions) {
        this.versions = versions;
    }

    record Item(String customerId, String field, Object live, Object rebuilt) {}

    record Result(
            int liveVersion,
            int rebuiltVersion,
            long customersCompared,
            long customersDiffering,
            Map<String, Long> fieldsDiffering,
            List<Item> items,
            int page,
            int size,
            long totalItems) {}

    Result compare(int live, int rebuilt, int page, int size, ContactMasking masking) {
        long compared = 0;
        long differing = 0;
        long itemIndex = 0;
        long first = (long) page * size;
        Map<String, Long> fields = new TreeMap<>();
        List<Item> items = new ArrayList<>(size);
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
                List<Item> found = differences(customerId, a, b, masking);
                compared++;
                if (!found.isEmpty()) {
                    differing++;
                }
                for (Item item : found) {
                    fields.merge(item.field().replaceFirst("^summaries\\.[A-Z]{3}\\.", "summaries."), 1L, Long::sum);
                    if (itemIndex >= first && items.size() < size) {
                        items.add(item);
                    }
                    itemIndex++;
                }
                if (a != null) {
                    left = next(liveCursor);
                }
                if (b != null) {
                    right = next(rebuiltCursor);
                }
            }
        }
        return new Result(live, rebuilt, compared, differing, fields, items, page, size, itemIndex);
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

    private static List<Item> differences(String customerId, Document live, Document rebuilt, ContactMasking masking) {
        List<Item> items = new ArrayList<>();
        if (live == null || rebuilt == null) {
            items.add(new Item(
                    customerId, "customer", live == null ? null : "present", rebuilt == null ? null : "present"));
            return items;
        }
        compare(items, customerId, "name", live.getString("name"), rebuilt.getString("name"));
        compare(
                items,
                customerId,
                "email",
                masking.email(live.getString("email")),
                masking.email(rebuilt.getString("email")));
        compare(
                items,
                customerId,
                "phone",
                masking.phone(live.getString("phone")),
                masking.phone(rebuilt.getString("phone")));
        compareAddress(items, customerId, "defaultShippingAddress", live, rebuilt, masking);
        compareAddress(items, customerId, "latestShippingAddress", live, rebuilt, masking);
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

    private static void compareAddress(
            List<Item> items,
            String customerId,
            String field,
            Document live,
            Document rebuilt,
            ContactMasking masking) {
        Address a = BsonValues.address(live.get(field));
        Address b = BsonValues.address(rebuilt.get(field));
        if (!Objects.equals(a, b)) {
            items.add(new Item(customerId, field, MaskedAddresses.of(a, masking), MaskedAddresses.of(b, masking)));
        }
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
