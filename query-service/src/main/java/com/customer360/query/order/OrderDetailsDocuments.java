package com.customer360.query.order;

import static com.customer360.query.store.BsonValues.address;
import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.query.fold.Projection;
import com.customer360.query.store.ReadModel;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Stores order detail documents in {@code order_details}, keyed by order id. */
@Component
final class OrderDetailsDocuments implements ReadModel<OrderDetails> {

    static final String COLLECTION = "order_details";

    private final OrderDetailsProjection projection = new OrderDetailsProjection();

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Projection<OrderDetails> projection() {
        return projection;
    }

    @Override
    public List<IndexModel> indexes() {
        // A customer's orders newest first, for downloads and rebuilds that read orders rather than the customer.
        return List.of(new IndexModel(
                Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("orderDate"))));
    }

    @Override
    public Document toBson(OrderDetails order, long version, Instant updatedAt) {
        return new Document("_id", order.orderId)
                .append("customerId", order.customerId)
                .append("storeId", order.storeId)
                .append("currency", order.currency)
                .append("status", order.status.name())
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
                .append(
                        "refunds",
                        order.refunds.stream()
                                .map(OrderDetailsDocuments::refund)
                                .toList())
                .append("draftedAt", time(order.draftedAt))
                .append("placedAt", time(order.placedAt))
                .append("orderDate", time(order.orderDate))
                .append("cancelledAt", time(order.cancelledAt))
                .append("cancelReason", order.cancelReason)
                .append("deliveredAt", time(order.deliveredAt))
                .append("returnedAt", time(order.returnedAt))
                .append("returnReason", order.returnReason)
                .append("seq", order.seq)
                .append(VERSION, version)
                .append("updatedAt", time(updatedAt));
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
                .forEach(update -> order.shipmentUpdates.add(shipment(update)));
        stored.getList("refunds", Document.class, List.of()).forEach(refund -> order.refunds.add(refund(refund)));
        order.draftedAt = time(stored.get("draftedAt"));
        order.placedAt = time(stored.get("placedAt"));
        order.orderDate = time(stored.get("orderDate"));
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
}
