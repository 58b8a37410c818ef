package com.customer360.query.projection;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.customer.RankedOrders;
import com.customer360.query.customer.RankingSource;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.order.OrderStanding;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads the first of a customer's orders for a ranking from {@code order_details}, through the indexes that
 * {@link OrderDetailsDocuments} declares: counted orders by placed time, orders in transit by their last update.
 * Needed only when a ranking of the customer document ran empty; on mongo-java-server the query scans.
 */
final class OrderRankings implements RankingSource {

    private final MongoCollection<Document> orders;

    OrderRankings(MongoCollection<Document> orders) {
        this.orders = orders;
    }

    @Override
    public List<OrderStanding> first(String customerId, RankedOrders.Kind kind, int limit) {
        Document filter = new Document("customerId", customerId);
        Bson sort;
        switch (kind) {
            case LATEST_PLACED -> {
                filter.append("counted", true);
                sort = Sorts.descending("placedAt", "_id");
            }
            case EARLIEST_PLACED -> {
                filter.append("counted", true);
                sort = Sorts.ascending("placedAt", "_id");
            }
            default -> {
                filter.append("status", OrderStatus.IN_TRANSIT.name());
                sort = Sorts.ascending("lastShipmentUpdateAt", "_id");
            }
        }
        List<OrderStanding> first = new ArrayList<>(limit);
        orders.find(filter)
                .projection(OrderDetailsDocuments.STANDING_FIELDS)
                .sort(sort)
                .limit(limit)
                .forEach(stored -> first.add(OrderDetailsDocuments.standingOf(stored)));
        return first;
    }

    /** The first {@code limit} of a ranking among these orders, in the order the store's query would give them. */
    static List<OrderStanding> firstAmong(Collection<OrderStanding> standings, RankedOrders.Kind kind, int limit) {
        Comparator<OrderStanding> byPlaced =
                Comparator.comparing(OrderStanding::placedAt).thenComparing(OrderStanding::orderId);
        return switch (kind) {
            case LATEST_PLACED ->
                standings.stream()
                        .filter(OrderStanding::counted)
                        .sorted(byPlaced.reversed())
                        .limit(limit)
                        .toList();
            case EARLIEST_PLACED ->
                standings.stream()
                        .filter(OrderStanding::counted)
                        .sorted(byPlaced)
                        .limit(limit)
                        .toList();
            default ->
                standings.stream()
                        .filter(standing -> standing.status() == OrderStatus.IN_TRANSIT)
                        .sorted(Comparator.comparing(
                                        OrderStanding::inTransitSince, Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(OrderStanding::orderId))
                        .limit(limit)
                        .toList();
        };
    }
}
