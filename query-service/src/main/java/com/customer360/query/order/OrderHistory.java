package com.customer360.query.order;

import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.store.BsonValues;
import com.customer360.query.store.KeysetCursor;
import com.customer360.query.store.ReadVersions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * A customer's order history, read from the order documents through the index on (customer, order date, order id) —
 * or (customer, status, order date, order id) when filtered by status — newest first, ties by the higher order id.
 * A page by cursor enters the index at its row, so its cost does not grow with the customer's order count or the
 * page's depth; a page by number skips the rows before it, as offset paging does.
 */
@Component
public class OrderHistory {

    private static final Document ROW_FIELDS = new Document("storeId", 1)
            .append("orderDate", 1)
            .append("total", 1)
            .append("currency", 1)
            .append("status", 1)
            .append("lastShipmentUpdateAt", 1);

    private final ReadVersions versions;
    private final StuckInTransit stuck;

    public OrderHistory(ReadVersions versions, StuckInTransit stuck) {
        this.versions = versions;
        this.stuck = stuck;
    }

    private MongoCollection<Document> orders() {
        return versions.collection(OrderDetailsDocuments.COLLECTION);
    }

    /**
     * The page by number.
     *
     * @param status {@code null} for every order
     * @param totalItems how many orders match, as the customer document counts them
     */
    public OrderHistoryPage page(String customerId, OrderStatus status, int page, int size, long totalItems) {
        List<Document> rows = new ArrayList<>(size + 1);
        orders().find(filter(customerId, status, null))
                .projection(ROW_FIELDS)
                .sort(KeysetCursor.newestFirst("orderDate"))
                .skip((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .limit(size + 1)
                .forEach(rows::add);
        boolean hasNext = rows.size() > size;
        List<Document> shown = hasNext ? rows.subList(0, size) : rows;
        return result(shown, page, size, totalItems, page > 0, hasNext);
    }

    /** The page next to a cursor's row, in its direction. */
    public OrderHistoryPage page(
            String customerId, OrderStatus status, KeysetCursor cursor, int size, long totalItems) {
        List<Document> rows = new ArrayList<>(size + 1);
        orders().find(filter(customerId, status, cursor))
                .projection(ROW_FIELDS)
                .sort(cursor.sort("orderDate"))
                .limit(size + 1)
                .forEach(rows::add);
        boolean more = rows.size() > size;
        List<Document> shown = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (!cursor.older()) {
            Collections.reverse(shown);
        }
        // Read towards older orders, the newer side exists (the cursor's row); read towards newer ones, the older does.
        boolean hasPrevious = cursor.older() ? !shown.isEmpty() : more;
        boolean hasNext = cursor.older() ? more : !shown.isEmpty();
        return result(shown, null, size, totalItems, hasPrevious, hasNext);
    }

    private static Bson filter(String customerId, OrderStatus status, KeysetCursor cursor) {
        Bson filter = Filters.eq("customerId", customerId);
        if (status != null) {
            filter = Filters.and(filter, Filters.eq("status", status.name()));
        }
        return cursor == null ? filter : Filters.and(filter, cursor.beyond("orderDate"));
    }

    private OrderHistoryPage result(
            List<Document> rows, Integer page, int size, long totalItems, boolean hasPrevious, boolean hasNext) {
        List<OrderHistoryPage.Item> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item(row)));
        String next = hasNext && !rows.isEmpty() ? cursorAt(rows.get(rows.size() - 1), true) : null;
        String previous = hasPrevious && !rows.isEmpty() ? cursorAt(rows.get(0), false) : null;
        return new OrderHistoryPage(items, page, size, totalItems, hasPrevious, hasNext, next, previous);
    }

    private static String cursorAt(Document row, boolean older) {
        return new KeysetCursor(BsonValues.time(row.get("orderDate")), row.getString("_id"), older).encode();
    }

    private OrderHistoryPage.Item item(Document row) {
        String currency = row.getString("currency");
        Instant orderDate = BsonValues.time(row.get("orderDate"));
        OrderStatus status = OrderStatus.valueOf(row.getString("status"));
        return new OrderHistoryPage.Item(
                row.getString("_id"),
                row.getString("storeId"),
                orderDate,
                Money.format(BsonValues.money(row.get("total")), currency),
                currency,
                status,
                status == OrderStatus.IN_TRANSIT && stuck.isStuck(BsonValues.time(row.get("lastShipmentUpdateAt"))));
    }
}
