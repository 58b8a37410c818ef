package com.customer360.query.customer;

import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.Money;
import com.customer360.query.order.StuckInTransit;
import com.customer360.query.store.ReadVersions;
import com.customer360.security.ContactMasking;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

/**
 * The customer list, read from the customer documents as the projection left them: nothing is computed here. Every
 * query walks the index of its sort (with the currency filter, the one that starts with the currency), so a page costs
 * what it shows plus the customers the filters pass over; a search looks customers up by the pieces of its text.
 * Customers known only from their orders (not registered yet) are not listed.
 */
@Component
public class CustomerList {

    private static final Document ITEM_FIELDS = new Document("name", 1)
            .append("email", 1)
            .append("phone", 1)
            .append("primaryCurrency", 1)
            .append("primaryOrderCount", 1)
            .append("primaryLifetimeValue", 1)
            .append("primaryAverageOrderValue", 1)
            .append("lastOrderAt", 1)
            .append("inTransitSince", 1)
            .append("hasDraft", 1);

    private final ReadVersions versions;
    private final StuckInTransit stuck;

    CustomerList(ReadVersions versions, StuckInTransit stuck) {
        this.versions = versions;
        this.stuck = stuck;
    }

    public CustomerListPage page(CustomerListQuery query, int page, int size, ContactMasking masking) {
        Bson filter = filter(query);
        MongoCollection<Document> customers = versions.collection(CustomerDetailsDocuments.COLLECTION);
        List<CustomerListPage.Item> items = new ArrayList<>(size);
        find(customers, query, filter)
                .skip((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .limit(size)
                .forEach(stored -> items.add(item(stored, masking)));
        long total = customers.countDocuments(filter);
        return new CustomerListPage(items, page, size, total, page > 0, (long) (page + 1) * size < total);
    }

    /**
     * Every customer the query matches, in its order, one at a time, up to {@code limit}, from a version of the view
     * (an export streams on another thread than its request's, so it is given the version the request was pinned to).
     */
    void each(
            CustomerListQuery query,
            int version,
            long limit,
            ContactMasking masking,
            Consumer<CustomerListPage.Item> consumer) {
        find(versions.collection(CustomerDetailsDocuments.COLLECTION, version), query, filter(query))
                .limit((int) Math.min(limit, Integer.MAX_VALUE))
                .batchSize(500)
                .forEach(stored -> consumer.accept(item(stored, masking)));
    }

    private FindIterable<Document> find(MongoCollection<Document> customers, CustomerListQuery query, Bson filter) {
        String field = CustomerDetailsDocuments.SORT_FIELDS.get(query.sort());
        Bson sort = query.descending() ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id");
        return customers.find(filter).projection(ITEM_FIELDS).sort(sort);
    }

    private Bson filter(CustomerListQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("registered", true));
        if (query.currency() != null) {
            filters.add(Filters.eq("primaryCurrency", query.currency()));
        }
        if (query.q() != null && !query.q().isBlank()) {
            String needle = SearchText.needle(query.q());
            List<String> tokens = SearchText.tokensOfNeedle(needle);
            if (!tokens.isEmpty()) {
                filters.add(Filters.all("searchTokens", tokens));
            }
            filters.add(Filters.regex("searchText", Pattern.quote(needle)));
        }
        if (query.hasDraft() != null) {
            filters.add(Filters.eq("hasDraft", query.hasDraft()));
        }
        if (Boolean.TRUE.equals(query.stuckInTransit())) {
            filters.add(Filters.lt("inTransitSince", Date.from(stuck.cutoff())));
        } else if (Boolean.FALSE.equals(query.stuckInTransit())) {
            filters.add(Filters.not(Filters.lt("inTransitSince", Date.from(stuck.cutoff()))));
        }
        if (query.minLifetimeValue() != null) {
            filters.add(Filters.gte("primaryLifetimeValue", new Decimal128(query.minLifetimeValue())));
        }
        if (query.lastOrderBefore() != null) {
            filters.add(Filters.lt("lastOrderAt", Date.from(query.lastOrderBefore())));
        }
        if (query.lastOrderAfter() != null) {
            filters.add(Filters.gte("lastOrderAt", Date.from(query.lastOrderAfter())));
        }
        return Filters.and(filters);
    }

    private CustomerListPage.Item item(Document stored, ContactMasking masking) {
        String currency = stored.getString("primaryCurrency");
        return new CustomerListPage.Item(
                stored.getString("_id"),
                stored.getString("name"),
                masking.email(stored.getString("email")),
                masking.phone(stored.getString("phone")),
                currency,
                stored.get("primaryOrderCount") == null ? 0 : ((Number) stored.get("primaryOrderCount")).longValue(),
                format(money(stored.get("primaryLifetimeValue")), currency),
                format(money(stored.get("primaryAverageOrderValue")), currency),
                time(stored.get("lastOrderAt")),
                stuck.isStuck(time(stored.get("inTransitSince"))),
                Boolean.TRUE.equals(stored.getBoolean("hasDraft")));
    }

    private static String format(java.math.BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : Money.format(amount, currency);
    }
}
