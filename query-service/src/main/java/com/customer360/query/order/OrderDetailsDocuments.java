package com.customer360.query.order;

import static com.customer360.query.store.BsonValues.address;
import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * Stores order detail documents in {@code order_details}, keyed by order id. Besides the order's details each
 * document carries what the indexes need: the customer, the order date, whether it counts, and when it last moved,
 * so that a customer's order history and the customer document's rankings are read through indexes, never by
 * loading a customer's orders.
 */
public final class OrderDetailsDocuments implements StoredDocuments<OrderDetails> {

    public static final String COLLECTION = "order_details";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
                // The order history, newest first, with keyset paging.
                new IndexModel(Indexes.compoundIndex(
                        Indexes.ascending("customerId"), Indexes.descending("orderDate"), Indexes.descending("_id"))),
                new IndexModel(Indexes.compoundIndex(
                        Indexes.ascending("customerId", "status"),
                        Indexes.descending("orderDate"),
                        Indexes.descending("_id"))),
                // The customer's counted orders by placed time (latest and earliest), and orders in transit by
                // their last update, when the customer document's rankings are refilled.
                new IndexModel(Indexes.compoundIndex(
                        Indexes.ascending("customerId", "counted"),
                        Indexes.descending("placedAt"),
                        Indexes.descending("_id"))),
                new IndexModel(Indexes.ascending("customerId", "status", "lastShipmentUpdateAt", "_id")));
    }

    @Override
    public String idOf(OrderDetails order) {
        return order.orderId;
    }

    @Override
    public Document toBson(OrderDetails order, long version, Instant updatedAt) {
        return new Document("_id", order.orderId)
                .append("customerId", order.customerId)
                .append("storeId", order.storeId)
                .append("currency", order.currency)
                .append("status", order.status.name())
                .append("counted", order.status.isCounted())
                .append(
                        "lines",
                        order.lines.stream().map(OrderDetailsDocuments::line).toList())
                .append("total", money(order.total))
                .append("refundedTotal", money(order.refundedTotal))
                .append("shippingAddress", address(order.shippingAddress))
                .append(
                        "shipmentUpdates",
                        order.shipmentUpdates.stream()
                                .map(OrderDetailsDocuments::shipment)
                                .toList())
                .append("shipmentUpdateCount", order.shipmentUpdateCount)
                .append(
                        "refunds",
                        order.refunds.stream()
                                .map(OrderDetailsDocuments::refund)
                                .toList())
                .append("refundCount", order.refundCount)
                .append("draftedAt", time(order.draftedAt))
                .append("placedAt", time(order.placedAt))
                .append("orderDate", time(order.orderDate))
                .append("lastShipmentUpdateAt", time(order.lastShipmentUpdateAt))
                .append("cancelledAt", time(order.cancelledAt))
                .append("cancelReason", order.cancelReason)
                .append("deliveredAt", time(order.deliveredAt))
                .append("returnedAt", time(order.returnedAt))
                .append("returnReason", order.returnReason)
                .append("seq", order.seq)
                .append(VERSION, version)
                .append(UPDATED_AT, time(updatedAt));
    }

    @Override
    public OrderDetails fromBson(Document stored) {
        OrderDetails order = new OrderDetails(stored.getString("_id"));
        order.customerId = stored.getString("customerId");
        order.storeId = stored.getString("storeId");
        order.currency = stored.getString("currency");
        order.status = OrderStatus.valueOf(stored.getString("status"));
        order.lines = stored.getList("lines", Document.class, List.of()).stream()
                .map(OrderDetailsDocuments::line)
                .toList();
        order.total = money(stored.get("total"));
        order.refundedTotal = money(stored.get("refundedTotal"));
        order.shippingAddress = address(stored.get("shippingAddress"));
        stored.getList("shipmentUpdates", Document.class, List.of())
                .forEach(update -> order.shipmentUpdates.addLast(shipment(update)));
        order.shipmentUpdateCount = stored.getLong("shipmentUpdateCount");
        stored.getList("refunds", Document.class, List.of()).forEach(refund -> order.refunds.addLast(refund(refund)));
        order.refundCount = stored.getLong("refundCount");
        order.draftedAt = time(stored.get("draftedAt"));
        order.placedAt = time(stored.get("placedAt"));
        order.orderDate = time(stored.get("orderDate"));
        order.lastShipmentUpdateAt = time(stored.get("lastShipmentUpdateAt"));
        order.cancelledAt = time(stored.get("cancelledAt"));
        order.cancelReason = stored.getString("cancelReason");
        order.deliveredAt = time(stored.get("deliveredAt"));
        order.returnedAt = time(stored.get("returnedAt"));
        order.returnReason = stored.getString("returnReason");
        order.seq = stored.getLong("seq");
        return order;
    }

    private static Document line(OrderDetails.Line line) {
        return new Document("sku", line.sku())
                .append("name", line.name())
                .append("quantity", line.quantity())
                .append("unitPrice", money(line.unitPrice()))
                .append("lineTotal", money(line.lineTotal()));
    }

    private static OrderDetails.Line line(Document stored) {
        return new OrderDetails.Line(
                stored.getString("sku"),
                stored.getString("name"),
                stored.getInteger("quantity"),
                money(stored.get("unitPrice")),
                money(stored.get("lineTotal")));
    }

    private static Document shipment(OrderDetails.ShipmentUpdate update) {
        return new Document("status", update.status().name())
                .append("carrier", update.carrier())
                .append("trackingNumber", update.trackingNumber())
                .append("location", update.location())
                .append("note", update.note())
                .append("at", time(update.at()));
    }

    private static OrderDetails.ShipmentUpdate shipment(Document stored) {
        return new OrderDetails.ShipmentUpdate(
                ShipmentStatus.valueOf(stored.getString("status")),
                stored.getString("carrier"),
                stored.getString("trackingNumber"),
                stored.getString("location"),
                stored.getString("note"),
                time(stored.get("at")));
    }

    private static Document refund(OrderDetails.Refund refund) {
        return new Document("refundId", refund.refundId())
                .append("amount", money(refund.amount()))
                .append("reason", refund.reason())
                .append("refundedAt", time(refund.refundedAt()));
    }

    private static OrderDetails.Refund refund(Document stored) {
        return new OrderDetails.Refund(
                stored.getString("refundId"),
                money(stored.get("amount")),
                stored.getString("reason"),
                time(stored.get("refundedAt")));
    }

    /** The standing of a stored order as the index fields hold it, without mapping the whole document. */
    public static OrderStanding standingOf(Document stored) {
        OrderStatus status = OrderStatus.valueOf(stored.getString("status"));
        return new OrderStanding(
                stored.getString("_id"),
                stored.getLong("seq"),
                stored.getString("currency"),
                status,
                money(stored.get("total")),
                money(stored.get("refundedTotal")),
                time(stored.get("placedAt")),
                address(stored.get("shippingAddress")),
                status == OrderStatus.IN_TRANSIT ? time(stored.get("lastShipmentUpdateAt")) : null);
    }

    /** The fields {@link #standingOf} reads, for a query's projection. */
    public static final Document STANDING_FIELDS = new Document("seq", 1)
            .append("currency", 1)
            .append("status", 1)
            .append("total", 1)
            .append("refundedTotal", 1)
            .append("placedAt", 1)
            .append("shippingAddress", 1)
            .append("lastShipmentUpdateAt", 1);
}
