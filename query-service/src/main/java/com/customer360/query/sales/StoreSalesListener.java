package com.customer360.query.sales;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.intake.EventReader;
import com.customer360.query.sales.OrderSales.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the store-sales view from the event topic with a consumer group of its own, so on first start it reads the
 * whole history from the beginning (the backfill) and then follows live events. Per batch: fold every order event
 * into its order's contribution, write the orders that changed (each guarded by the version it was read at), then
 * recompute every day an order of the batch belongs to, and only then let the container commit the offsets. A batch
 * delivered again after a crash between those writes finds its events already applied and recomputes the same days,
 * so it counts nothing twice; a failed batch is retried whole by the consumer's error handling.
 *
 * <p>Records the live listener dead-letters (unreadable, money out of contract) are passed over here: they carry no
 * order this view could count.
 */
@Component
class StoreSalesListener {

    static final String ID = "store-sales-projection";

    private final EventReader reader;
    private final StoreSalesDocuments documents;
    private final StoreSalesProgress progress;
    private final Clock clock;
    private final StoreSalesProjection projection = new StoreSalesProjection();

    StoreSalesListener(EventReader reader, StoreSalesDocuments documents, StoreSalesProgress progress, Clock clock) {
        this.reader = reader;
        this.documents = documents;
        this.progress = progress;
        this.clock = clock;
    }

    @KafkaListener(
            id = ID,
            groupId = StoreSalesProgress.GROUP,
            topics = "${customer360.topics.events:customer-order-events}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<Map.Entry<String, Step>> steps = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            EventReader.Read read = reader.read(record);
            EventEnvelope event = read.event();
            Step step = event == null ? null : StoreSalesProjection.stepOf(event);
            if (step != null) {
                steps.add(Map.entry(event.aggregateId(), step));
            }
        }
        if (!steps.isEmpty()) {
            project(steps);
        }
        progress.consumed(records.size());
    }

    private void project(List<Map.Entry<String, Step>> steps) {
        Set<String> orderIds = new LinkedHashSet<>();
        steps.forEach(step -> orderIds.add(step.getKey()));
        Map<String, StoreSalesDocuments.Stored> orders = new LinkedHashMap<>(documents.load(orderIds));
        Set<String> changed = new LinkedHashSet<>();
        Set<String> days = new LinkedHashSet<>();
        for (Map.Entry<String, Step> step : steps) {
            OrderSales order = orders.computeIfAbsent(
                            step.getKey(), id -> new StoreSalesDocuments.Stored(new OrderSales(id), 0))
                    .order();
            addDay(days, order);
            FoldOutcome outcome = projection.apply(order, step.getValue());
            if (outcome == FoldOutcome.APPLIED || outcome == FoldOutcome.SEQUENCE_GAP) {
                changed.add(order.orderId);
            }
            addDay(days, order);
        }
        // Every order of the batch, changed or already applied: a redelivered batch recomputes the days it touched.
        orders.values().forEach(stored -> addDay(days, stored.order()));
        documents.save(changed.stream().map(orders::get).toList(), clock.instant());
        documents.recompute(days, clock.instant());
    }

    private static void addDay(Set<String> days, OrderSales order) {
        if (order.dayId() != null) {
            days.add(order.dayId());
        }
    }
}
