package com.customer360.query.customer;

import static com.customer360.query.store.BsonValues.address;
import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.fold.Sequence;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Stores customer detail documents in {@code customer_details}, keyed by customer id, with what the page shows
 * written next to the sums and rankings it comes from, so that the details page is one key lookup and computes
 * nothing.
 */
public final class CustomerDetailsDocuments implements StoredDocuments<CustomerDetails> {

    public static final String COLLECTION = "customer_details";

    /** The positions the document holds of its orders ahead of their documents (see {@link CustomerDetails}). */
    public static final String PENDING = "pending";

    /** What the pages and the API read: everything but the bookkeeping of the projection. */
    static final Document READ_FIELDS = new Document(PENDING, 0)
            .append("rankings", 0)
            .append("customerSeq", 0)
            .append("searchText", 0)
            .append("searchTokens", 0)
            .append(VERSION, 0);

    /** The sort keys of the customer list, by the name the API uses. */
    static final java.util.Map<String, String> SORT_FIELDS = java.util.Map.of(
            "name", "nameKey",
            "lifetimeValue", "primaryLifetimeValue",
            "averageOrderValue", "primaryAverageOrderValue",
            "orderCount", "primaryOrderCount",
            "lastOrderAt", "lastOrderAt");

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        // The customer list: for every sort, an index walked in its order (the filters then read the documents it
        // yields), with and without the currency filter; the search by its pieces; support staff by email.
        List<IndexModel> indexes = new ArrayList<>();
        for (String sort : SORT_FIELDS.values()) {
            indexes.add(new IndexModel(Indexes.ascending("registered", sort, "_id")));
            indexes.add(new IndexModel(Indexes.ascending("registered", "primaryCurrency", sort, "_id")));
        }
        indexes.add(new IndexModel(Indexes.ascending("searchTokens")));
        indexes.add(new IndexModel(Indexes.ascending("email")));
        // Live updates of the list: the customers written since the last look.
        indexes.add(new IndexModel(Indexes.ascending(UPDATED_AT)));
        return List.copyOf(indexes);
    }

    @Override
    public String idOf(CustomerDetails customer) {
        return customer.customerId;
    }

    @Override
    public Document toBson(CustomerDetails customer, long version, Instant updatedAt) {
        List<Document> summaries = new ArrayList<>(customer.figures.size());
        customer.figures.values().forEach(figures -> summaries.add(summary(figures)));
        Document statusCounts = new Document();
        customer.statusCounts.forEach((status, count) -> statusCounts.append(status.name(), count));
        CurrencyFigures primary =
                customer.primaryCurrency == null ? null : customer.figures.get(customer.primaryCurrency);
        String searchText = SearchText.of(customer.name, customer.email, customer.phone);
        return new Document("_id", customer.customerId)
                .append("name", customer.name)
                .append("email", customer.email)
                .append("phone", customer.phone)
                .append("defaultShippingAddress", address(customer.defaultShippingAddress))
                .append("registeredAt", time(customer.registeredAt))
                .append("customerSeq", customer.customerSeq)
                .append("summaries", summaries)
                .append("orderCount", customer.orderCount())
                .append("statusCounts", statusCounts)
                .append("hasDraft", customer.countOf(OrderStatus.DRAFT) > 0)
                .append("latestShippingAddress", address(customer.latestShippingAddress))
                .append("firstOrderAt", time(customer.firstOrderAt))
                .append("lastOrderAt", time(customer.lastOrderAt))
                .append("primaryCurrency", customer.primaryCurrency)
                .append("inTransitSince", time(customer.inTransitSince))
                // What the customer list filters, sorts and searches by, in the primary currency (the latest order's).
                .append("registered", customer.isRegistered())
                .append("nameKey", customer.name == null ? null : customer.name.toLowerCase(java.util.Locale.ROOT))
                .append("primaryOrderCount", primary == null ? null : primary.counted)
                .append("primaryLifetimeValue", primary == null ? null : money(primary.lifetimeValue))
                .append("primaryAverageOrderValue", primary == null ? null : money(primary.averageOrderValue()))
                .append("searchText", searchText)
                .append("searchTokens", SearchText.tokensOf(searchText))
                .append(
                        "rankings",
                        new Document("latest", entries(customer.latest))
                                .append("earliest", entries(customer.earliest))
                                .append("inTransit", entries(customer.inTransit)))
                .append(PENDING, pendingEntries(customer, Map.of()))
                .append(VERSION, version)
                .append(UPDATED_AT, time(updatedAt));
    }

    @Override
    public CustomerDetails fromBson(Document stored) {
        CustomerDetails customer = new CustomerDetails(stored.getString("_id"));
        readContact(customer, stored);
        customer.customerSeq = stored.getLong("customerSeq");
        Document statusCounts = stored.get("statusCounts", new Document());
        statusCounts.forEach((status, count) ->
                customer.statusCounts.put(OrderStatus.valueOf(status), ((Number) count).longValue()));
        Document rankings = stored.get("rankings", new Document());
        customer.latest = ranking(RankedOrders.Kind.LATEST_PLACED, rankings.getList("latest", Document.class));
        customer.earliest = ranking(RankedOrders.Kind.EARLIEST_PLACED, rankings.getList("earliest", Document.class));
        customer.inTransit =
                ranking(RankedOrders.Kind.LONGEST_IN_TRANSIT, rankings.getList("inTransit", Document.class));
        customer.pending.putAll(pendingOf(stored));
        return customer;
    }

    /** A stored customer document's pending positions, order id to position, in the order they were taken. */
    public static Map<String, Long> pendingOf(Document stored) {
        Map<String, Long> pending = new LinkedHashMap<>();
        stored.getList(PENDING, Document.class, List.of())
                .forEach(entry -> pending.put(entry.getString("orderId"), entry.getLong("seq")));
        return pending;
    }

    /** The customer's pending positions as stored, but those order documents written at these positions reach. */
    public static List<Document> pendingEntries(CustomerDetails customer, Map<String, Long> orderDocumentSeqs) {
        return pendingEntries(customer.pending, orderDocumentSeqs);
    }

    /**
     * Pending positions as stored, in the order they were taken, but those that order documents written at these
     * positions (by order id) reach.
     */
    public static List<Document> pendingEntries(Map<String, Long> pending, Map<String, Long> orderDocumentSeqs) {
        List<Document> entries = new ArrayList<>(pending.size());
        pending.forEach((orderId, seq) -> {
            if (orderDocumentSeqs.getOrDefault(orderId, Sequence.NONE) < seq) {
                entries.add(new Document("orderId", orderId).append("seq", seq));
            }
        });
        return entries;
    }

    /** The document as read for the pages: contact, derived values and sums, without the projection's bookkeeping. */
    CustomerDetails fromReadFields(Document stored) {
        CustomerDetails customer = new CustomerDetails(stored.getString("_id"));
        readContact(customer, stored);
        Document statusCounts = stored.get("statusCounts", new Document());
        statusCounts.forEach((status, count) ->
                customer.statusCounts.put(OrderStatus.valueOf(status), ((Number) count).longValue()));
        return customer;
    }

    private static void readContact(CustomerDetails customer, Document stored) {
        customer.name = stored.getString("name");
        customer.email = stored.getString("email");
        customer.phone = stored.getString("phone");
        customer.defaultShippingAddress = address(stored.get("defaultShippingAddress"));
        customer.registeredAt = time(stored.get("registeredAt"));
        stored.getList("summaries", Document.class, List.of()).forEach(summary -> {
            CurrencyFigures figures = new CurrencyFigures(
                    summary.getString("currency"),
                    summary.getLong("orders"),
                    summary.getLong("orderCount"),
                    money(summary.get("lifetimeValue")),
                    money(summary.get("refundedTotal")));
            customer.figures.put(figures.currency, figures);
        });
        customer.latestShippingAddress = address(stored.get("latestShippingAddress"));
        customer.firstOrderAt = time(stored.get("firstOrderAt"));
        customer.lastOrderAt = time(stored.get("lastOrderAt"));
        customer.primaryCurrency = stored.getString("primaryCurrency");
        customer.inTransitSince = time(stored.get("inTransitSince"));
    }

    private static Document summary(CurrencyFigures figures) {
        return new Document("currency", figures.currency)
                .append("orders", figures.orders)
                .append("orderCount", figures.counted)
                .append("lifetimeValue", money(figures.lifetimeValue))
                .append("averageOrderValue", money(figures.averageOrderValue()))
                .append("refundedTotal", money(figures.refundedTotal));
    }

    private static List<Document> entries(RankedOrders ranking) {
        List<Document> entries = new ArrayList<>();
        for (RankedOrders.Entry entry : ranking.entries()) {
            entries.add(new Document("orderId", entry.orderId())
                    .append("at", time(entry.at()))
                    .append("currency", entry.currency())
                    .append("address", address(entry.address())));
        }
        return entries;
    }

    private static RankedOrders ranking(RankedOrders.Kind kind, List<Document> stored) {
        List<RankedOrders.Entry> entries = new ArrayList<>();
        if (stored != null) {
            for (Document entry : stored) {
                entries.add(new RankedOrders.Entry(
                        entry.getString("orderId"),
                        time(entry.get("at")),
                        entry.getString("currency"),
                        address(entry.get("address"))));
            }
        }
        return new RankedOrders(kind, entries);
    }
}
