package com.customer360.local;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.ShipmentUpdated;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * The benchmark's baseline, written for the benchmark only: the projection as one would write it first. Per event it
 * finds the order's and the customer's documents, changes them, saves each with a replace, and commits the event's
 * offset, so every event costs its own round trips and its own commits. It keeps only the figures (count, lifetime
 * value and refunded per currency) that the benchmark checks, so it does less per event than the real projection.
 */
final class NaiveProjection {

    private final MongoCollection<Document> customers;
    private final MongoCollection<Document> orders;
    private final CloudEventCodec codec = new CloudEventCodec();

    NaiveProjection(MongoDatabase database) {
        this.customers = database.getCollection("naive_customers");
        this.orders = database.getCollection("naive_orders");
    }

    /**
     * Consumes the topic from the start until {@code events} events were applied, or gives up after the limit.
     *
     * @return the seconds from the first event taken off the topic to the last one committed
     */
    double consume(String bootstrapServers, String topic, long events, Duration limit) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "naive-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        long deadline = System.nanoTime() + limit.toNanos();
        long applied = 0;
        long first = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (applied < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the naive projection applied only " + applied + " of " + events
                            + " events within " + limit);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    apply(codec.decode(record.value()));
                    consumer.commitSync(Map.of(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    applied++;
                }
            }
        }
        return (System.nanoTime() - first) / 1e9;
    }

    private void apply(EventEnvelope envelope) {
        DomainEvent event = envelope.event();
        if (event instanceof CustomerRegistered registered) {
            Document customer = findOrNew(customers, registered.customerId());
            customer.put("name", registered.name());
            customers.replaceOne(Filters.eq("_id", registered.customerId()), customer, upsert());
            return;
        }
        OrderEvent orderEvent = (OrderEvent) event;
        Document order = findOrNew(orders, orderEvent.orderId());
        Document customer = findOrNew(customers, orderEvent.customerId());
        Document figures = customer.get("figures", new Document());
        if (event instanceof OrderPlaced placed) {
            order.put("customerId", placed.customerId());
            order.put("currency", placed.currency());
            order.put("total", placed.total().toPlainString());
            order.put("refunded", "0.00");
            order.put("status", "PLACED");
            add(figures, placed.currency(), 1, placed.total(), BigDecimal.ZERO);
        } else if (event instanceof OrderCancelled) {
            order.put("status", "CANCELLED");
            BigDecimal counted = amount(order, "total").subtract(amount(order, "refunded"));
            add(
                    figures,
                    order.getString("currency"),
                    -1,
                    counted.negate(),
                    amount(order, "refunded").negate());
        } else if (event instanceof ShipmentUpdated shipment) {
            order.put("status", shipment.status().name());
        } else if (event instanceof OrderRefunded refunded) {
            order.put(
                    "refunded", amount(order, "refunded").add(refunded.amount()).toPlainString());
            if (!"CANCELLED".equals(order.getString("status"))) {
                add(figures, refunded.currency(), 0, refunded.amount().negate(), refunded.amount());
            }
        }
        customer.put("figures", figures);
        orders.replaceOne(Filters.eq("_id", orderEvent.orderId()), order, upsert());
        customers.replaceOne(Filters.eq("_id", orderEvent.customerId()), customer, upsert());
    }

    /** The figures this projection produced for one customer, by currency: count, lifetime value, refunded. */
    Map<String, SkewedHistory.Figures> figuresOf(String customerId) {
        Document customer = customers.find(Filters.eq("_id", customerId)).first();
        Map<String, SkewedHistory.Figures> byCurrency = new java.util.TreeMap<>();
        if (customer != null) {
            customer.get("figures", new Document()).forEach((currency, value) -> {
                Document f = (Document) value;
                byCurrency.put(
                        currency,
                        new SkewedHistory.Figures(
                                f.getInteger("count"),
                                new BigDecimal(f.getString("value")),
                                new BigDecimal(f.getString("refunded"))));
            });
        }
        return byCurrency;
    }

    private static void add(Document figures, String currency, int count, BigDecimal value, BigDecimal refunded) {
        Document f = figures.get(
                currency, new Document("count", 0).append("value", "0.00").append("refunded", "0.00"));
        f.put("count", f.getInteger("count") + count);
        f.put("value", new BigDecimal(f.getString("value")).add(value).toPlainString());
        f.put("refunded", new BigDecimal(f.getString("refunded")).add(refunded).toPlainString());
        figures.put(currency, f);
    }

    private static BigDecimal amount(Document order, String field) {
        return new BigDecimal(order.getString(field));
    }

    private static Document findOrNew(MongoCollection<Document> collection, String id) {
        Document found = collection.find(Filters.eq("_id", id)).first();
        return found != null ? found : new Document("_id", id);
    }

    private static ReplaceOptions upsert() {
        return new ReplaceOptions().upsert(true);
    }
}
