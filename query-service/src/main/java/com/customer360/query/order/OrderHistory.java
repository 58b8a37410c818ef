package com.customer360.query.order;

import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
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
            .append("status", 1);

    private final MongoCollection<Document> orders;

    public OrderHistory(MongoTemplate mongo) {
        this.orders = mongo.getCollection(OrderDetailsDocuments.COLLECTION);
    }

    /**
     * The page by number.
     *
     * @param status {@code null} for every order
     * @param totalItems how many orders match, as the customer document counts them
     */
    public OrderHistoryPage page(String customerId, OrderStatus status, int page, int size, long totalItems) {
        List<Document> rows = new ArrayList<>(size + 1);
        orders.find(filter(customerId, status, null))
                .projection(ROW_FIELDS)
                .sort(Sorts.descending("orderDate", "_id"))
                .skip((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .limit(size + 1)
                .forEach(rows::add);
        boolean hasNext = rows.size() > size;
        List<Document> shown = hasNext ? rows.subList(0, size) : rows;
        return result(shown, page, size, totalItems, page > 0, hasNext);
    }

    /** The page next to a cursor's row, in its direction. */
    public OrderHistoryPage page(
            String customerId, OrderStatus status, HistoryCursor cursor, int size, long totalItems) {
        List<Document> rows = new ArrayList<>(size + 1);
        orders.find(filter(customerId, status, cursor))
                .projection(ROW_FIELDS)
                .sort(cursor.older() ? Sorts.descending("orderDate", "_id") : Sorts.ascending("orderDate", "_id"))
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

    private static Bson filter(String customerId, OrderStatus status, HistoryCursor cursor) {
        Bson filter = Filters.eq("customerId", customerId);
        if (status != null) {
            filter = Filters.and(filter, Filters.eq("status", status.name()));
        }
        if (cursor == null) {
            return filter;
        }
        Date date = Date.from(cursor.orderDate());
        Bson beyond = cursor.older()
                ? Filters.or(
                        Filters.lt("orderDate", date),
                        Filters.and(Filters.eq("orderDate", date), Filters.lt("_id", cursor.orderId())))
                : Filters.or(
                        Filters.gt("orderDate", date),
                        Filters.and(Filters.eq("orderDate", date), Filters.gt("_id", cursor.orderId())));
        return Filters.and(filter, beyond);
    }

    private static OrderHistoryPage result(
            List<Document> rows, Integer page, int size, long totalItems, boolean hasPrevious, boolean hasNext) {
        List<OrderHistoryPage.Item> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item(row)));
        String next = hasNext && !rows.isEmpty() ? cursorAt(rows.get(rows.size() - 1), true) : null;
        String previous = hasPrevious && !rows.isEmpty() ? cursorAt(rows.get(0), false) : null;
        return new OrderHistoryPage(items, page, size, totalItems, hasPrevious, hasNext, next, previous);
    }

    private static String cursorAt(Document row, boolean older) {
        return new HistoryCursor(BsonValues.time(row.get("orderDate")), row.getString("_id"), older).encode();
    }

    private static OrderHistoryPage.Item item(Document row) {
        String currency = row.getString("currency");
        Instant orderDate = BsonValues.time(row.get("orderDate"));
        return new OrderHistoryPage.Item(
                row.getString("_id"),
                row.getString("storeId"),
                orderDate,
                Money.format(BsonValues.money(row.get("total")), currency),
                currency,
                OrderStatus.valueOf(row.getString("status")));
    }
}
