package com.customer360.query.sales;

import static com.customer360.query.store.BsonValues.money;
import static com.customer360.query.store.BsonValues.time;

import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.sales.OrderSales.Kind;
import com.customer360.query.sales.OrderSales.Step;
import com.customer360.query.store.ConcurrentWritesException;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store-sales documents. {@code store_sales_orders} holds each order's contribution, keyed by order id and
 * guarded by a version every write checks and bumps; {@code store_sales_days} holds one document per store, currency
 * and day, keyed {@code <storeId>|<currency>|<yyyy-MM-dd>}, whose figures are recomputed from the contributions of its
 * orders — never incremented — so writing them again after a crash or a redelivery gives the same figures; and
 * {@code store_sales_stores} the currencies each store sells in.
 */
@Component
class StoreSalesDocuments {

    static final String ORDERS = "store_sales_orders";
    static final String DAYS = "store_sales_days";
    static final String STORES = "store_sales_stores";

    /** A day's contributions are found by the day they belong to, counted orders only. */
    static final List<IndexModel> ORDER_INDEXES = List.of(new IndexModel(Indexes.ascending("dayId", "counted")));

    private static final int WRITE_ATTEMPTS = 5;

    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> stores;

    StoreSalesDocuments(MongoTemplate mongo) {
        this.orders = mongo.getCollection(ORDERS);
        this.days = mongo.getCollection(DAYS);
        this.stores = mongo.getCollection(STORES);
        orders.createIndexes(ORDER_INDEXES);
    }

    /** The stored orders among {@code orderIds}, with the version each was read at. */
    Map<String, Stored> load(Collection<String> orderIds) {
        Map<String, Stored> loaded = new HashMap<>();
        for (Document stored : orders.find(Filters.in("_id", orderIds))) {
            loaded.put(stored.getString("_id"), new Stored(fromBson(stored), stored.getLong("version")));
        }
        return loaded;
    }

    /** An order as read, and the version its next write must find. */
    record Stored(OrderSales order, long version) {}

    /** Writes the orders that changed, each only if nobody wrote it since it was read (version 0: new). */
    void save(Collection<Stored> changed, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Stored stored : changed) {
            Document document = toBson(stored.order(), stored.version() + 1, now);
            writes.add(
                    stored.version() == 0
                            ? new InsertOneModel<>(document)
                            : new ReplaceOneModel<>(
                                    Filters.and(
                                            Filters.eq("_id", stored.order().orderId),
                                            Filters.eq("version", stored.version())),
                                    document));
        }
        BulkWriteResult result = orders.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        if (result.getInsertedCount() + result.getMatchedCount() != writes.size()) {
            throw new ConcurrentWritesException(
                    ORDERS, changed.stream().map(s -> s.order().orderId).toList(), 1);
        }
        List<WriteModel<Document>> currencies = new ArrayList<>();
        for (Stored stored : changed) {
            if (stored.order().exists()) {
                currencies.add(new UpdateOneModel<>(
                        Filters.eq("_id", stored.order().storeId),
                        Updates.addToSet("currencies", stored.order().currency),
                        new UpdateOptions().upsert(true)));
            }
        }
        if (!currencies.isEmpty()) {
            stores.bulkWrite(currencies, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Recomputes the figures of these days from their orders' contributions. Each day is written only if it is still
     * at the version read before the contributions were summed, so of two instances recomputing one day at once the
     * later sum always wins; one that lost sums again.
     */
    void recompute(Set<String> dayIds, Instant now) {
        if (dayIds.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Map<String, Long> versions = new HashMap<>();
            for (Document day : days.find(Filters.in("_id", dayIds)).projection(Projections.include("version"))) {
                versions.put(day.getString("_id"), day.getLong("version"));
            }
            Map<String, DayFigures> figures = new HashMap<>();
            dayIds.forEach(id -> figures.put(id, DayFigures.empty(id)));
            for (Document order : orders.find(Filters.and(Filters.in("dayId", dayIds), Filters.eq("counted", true)))
                    .projection(Projections.include("dayId", "total", "refunded"))) {
                figures.computeIfPresent(
                        order.getString("dayId"),
                        (id, day) -> day.plus(money(order.get("total")), money(order.get("refunded"))));
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            figures.forEach((id, day) -> {
                Long version = versions.get(id);
                Document document = day.toBson(StoredDocuments.nextVersion(version), now);
                writes.add(
                        version == null
                                ? new InsertOneModel<>(document)
                                : new ReplaceOneModel<>(
                                        Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), document));
            });
            try {
                BulkWriteResult result = days.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                if (result.getInsertedCount() + result.getMatchedCount() == writes.size()) {
                    return;
                }
            } catch (MongoBulkWriteException e) {
                // Another instance inserted one of the days first: sum again.
            }
        }
        throw new ConcurrentWritesException(DAYS, dayIds, WRITE_ATTEMPTS);
    }

    /** The stored days among these ids, by id. */
    Map<String, DayFigures> days(Collection<String> dayIds) {
        Map<String, DayFigures> found = new HashMap<>();
        for (Document day : days.find(Filters.in("_id", dayIds))) {
            found.put(day.getString("_id"), DayFigures.fromBson(day));
        }
        return found;
    }

    /** The currencies a store has orders in; empty for a store without any. */
    List<String> currencies(String storeId) {
        Document store = stores.find(Filters.eq("_id", storeId)).first();
        return store == null
                ? List.of()
                : store.getList("currencies", String.class).stream().sorted().toList();
    }

    private static Document toBson(OrderSales order, long version, Instant now) {
        return new Document("_id", order.orderId)
                .append("storeId", order.storeId)
                .append("currency", order.currency)
                .append("day", order.day == null ? null : order.day.toString())
                .append("dayId", order.dayId())
                .append("status", order.status == null ? null : order.status.name())
                .append("counted", order.status != null && order.status.isCounted())
                .append("total", money(order.total))
                .append("refunded", money(order.refunded))
                .append("seq", order.seq)
                .append(
                        "parked",
                        order.parked.stream().map(StoreSalesDocuments::step).toList())
                .append("version", version)
                .append("updatedAt", time(now));
    }

    private static OrderSales fromBson(Document stored) {
        OrderSales order = new OrderSales(stored.getString("_id"));
        order.storeId = stored.getString("storeId");
        order.currency = stored.getString("currency");
        String day = stored.getString("day");
        order.day = day == null ? null : LocalDate.parse(day);
        String status = stored.getString("status");
        order.status = status == null ? null : OrderStatus.valueOf(status);
        order.total = money(stored.get("total"));
        order.refunded = money(stored.get("refunded"));
        order.seq = stored.getLong("seq");
        for (Document parked : stored.getList("parked", Document.class, List.of())) {
            order.parked.add(new Step(
                    parked.getLong("seq"),
                    Kind.valueOf(parked.getString("kind")),
                    parked.getString("storeId"),
                    parked.getString("currency"),
                    money(parked.get("amount")),
                    time(parked.get("at"))));
        }
        return order;
    }

    private static Document step(Step step) {
        return new Document("seq", step.seq())
                .append("kind", step.kind().name())
                .append("storeId", step.storeId())
                .append("currency", step.currency())
                .append("amount", money(step.amount()))
                .append("at", time(step.at()));
    }

    /** One store's figures of one day in one currency, as stored. */
    record DayFigures(
            String storeId, String currency, LocalDate day, long orders, BigDecimal revenue, BigDecimal refunds) {

        /** {@code <storeId>|<currency>|<yyyy-MM-dd>}: a currency is three letters and a day ten characters. */
        static DayFigures empty(String dayId) {
            int dayAt = dayId.length() - 10;
            String currency = dayId.substring(dayAt - 4, dayAt - 1);
            return new DayFigures(
                    dayId.substring(0, dayAt - 5),
                    currency,
                    LocalDate.parse(dayId.substring(dayAt)),
                    0,
                    Money.zero(currency),
                    Money.zero(currency));
        }

        /** The day with one more counted order of this total and these refunds. */
        DayFigures plus(BigDecimal total, BigDecimal refunded) {
            return new DayFigures(
                    storeId, currency, day, orders + 1, revenue.add(total.subtract(refunded)), refunds.add(refunded));
        }

        Document toBson(long version, Instant now) {
            return new Document("_id", OrderSales.dayIdOf(storeId, currency, day))
                    .append("storeId", storeId)
                    .append("currency", currency)
                    .append("day", day.toString())
                    .append("orders", orders)
                    .append("revenue", money(revenue))
                    .append("refunds", money(refunds))
                    .append("version", version)
                    .append("updatedAt", time(now));
        }

        static DayFigures fromBson(Document day) {
            return new DayFigures(
                    day.getString("storeId"),
                    day.getString("currency"),
                    LocalDate.parse(day.getString("day")),
                    day.getLong("orders"),
                    money(day.get("revenue")),
                    money(day.get("refunds")));
        }
    }
}
