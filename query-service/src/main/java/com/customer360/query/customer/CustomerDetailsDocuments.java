package com.customer360.query.customer;

import static com.customer360.query.store.BsonValues.address;
import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.fold.Projection;
import com.customer360.query.store.ReadModel;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Stores customer detail documents in {@code customer_details}, keyed by customer id, with the derived figures
 * written next to the rows they come from so the details page is one key lookup.
 */
@Component
final class CustomerDetailsDocuments implements ReadModel<CustomerDetails> {

    static final String COLLECTION = "customer_details";

    private final CustomerDetailsProjection projection = new CustomerDetailsProjection();

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Projection<CustomerDetails> projection() {
        return projection;
    }

    @Override
    public List<IndexModel> indexes() {
        // Support staff look customers up by email on the customer list.
        return List.of(new IndexModel(Indexes.ascending("email")));
    }

    @Override
    public Document toBson(CustomerDetails customer, long version, Instant updatedAt) {
        List<Document> orders = new ArrayList<>(customer.orders.size());
        customer.orders.forEach(row -> orders.add(row(row)));
        List<Document> summaries = new ArrayList<>(customer.summaries.size());
        customer.summaries.forEach(summary -> summaries.add(summary(summary)));
        return new Document("_id", customer.customerId)
                .append("name", customer.name)
                .append("email", customer.email)
                .append("phone", customer.phone)
                .append("defaultShippingAddress", address(customer.defaultShippingAddress))
                .append("registeredAt", time(customer.registeredAt))
                .append("customerSeq", customer.customerSeq)
                .append("orders", orders)
                .append("summaries", summaries)
                .append("latestShippingAddress", address(customer.latestShippingAddress))
                .append("firstOrderAt", time(customer.firstOrderAt))
                .append("lastOrderAt", time(customer.lastOrderAt))
                .append(VERSION, version)
                .append("updatedAt", time(updatedAt));
    }

    @Override
    public CustomerDetails fromBson(Document stored) {
        CustomerDetails customer = new CustomerDetails(stored.getString("_id"));
        customer.name = stored.getString("name");
        customer.email = stored.getString("email");
        customer.phone = stored.getString("phone");
        customer.defaultShippingAddress = address(stored.get("defaultShippingAddress"));
        customer.registeredAt = time(stored.get("registeredAt"));
        customer.customerSeq = stored.getLong("customerSeq");
        stored.getList("orders", Document.class, List.of()).forEach(row -> customer.addOrder(row(row)));
        List<CurrencySummary> summaries = new ArrayList<>();
        stored.getList("summaries", Document.class, List.of()).forEach(summary -> summaries.add(summary(summary)));
        customer.summaries = List.copyOf(summaries);
        customer.latestShippingAddress = address(stored.get("latestShippingAddress"));
        customer.firstOrderAt = time(stored.get("firstOrderAt"));
        customer.lastOrderAt = time(stored.get("lastOrderAt"));
        return customer;
    }

    private static Document row(OrderRow row) {
        return new Document("orderId", row.orderId)
                .append("storeId", row.storeId)
                .append("currency", row.currency)
                .append("status", row.status.name())
                .append("total", money(row.total))
                .append("refundedTotal", money(row.refundedTotal))
                .append("orderDate", time(row.orderDate))
                .append("placedAt", time(row.placedAt))
                .append("shippingAddress", address(row.shippingAddress))
                .append("lastShipmentUpdateAt", time(row.lastShipmentUpdateAt))
                .append("seq", row.seq);
    }

    private static OrderRow row(Document stored) {
        OrderRow row = new OrderRow(stored.getString("orderId"));
        row.storeId = stored.getString("storeId");
        row.currency = stored.getString("currency");
        row.status = OrderStatus.valueOf(stored.getString("status"));
        row.total = money(stored.get("total"));
        row.refundedTotal = money(stored.get("refundedTotal"));
        row.orderDate = time(stored.get("orderDate"));
        row.placedAt = time(stored.get("placedAt"));
        row.shippingAddress = address(stored.get("shippingAddress"));
        row.lastShipmentUpdateAt = time(stored.get("lastShipmentUpdateAt"));
        row.seq = stored.getLong("seq");
        return row;
    }

    private static Document summary(CurrencySummary summary) {
        return new Document("currency", summary.currency())
                .append("orderCount", summary.orderCount())
                .append("lifetimeValue", money(summary.lifetimeValue()))
                .append("averageOrderValue", money(summary.averageOrderValue()))
                .append("refundedTotal", money(summary.refundedTotal()));
    }

    private static CurrencySummary summary(Document stored) {
        return new CurrencySummary(
                stored.getString("currency"),
                stored.getInteger("orderCount"),
                money(stored.get("lifetimeValue")),
                money(stored.get("averageOrderValue")),
                money(stored.get("refundedTotal")));
    }
}
