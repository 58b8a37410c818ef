package com.customer360.query.sales;

import static com.customer360.query.store.BsonValues.time;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * How far the store-sales view has read the event topic, told like a rebuild's progress: events applied of the
 * topic's total, events per second, time left. The figures come from the view's consumer group's committed offsets
 * against the topic's beginning and end, so every instance tells the same. The view is {@code BACKFILLING} until its
 * lag first reaches zero (recorded once in {@code store_sales_progress}), then {@code LIVE}.
 */
@Component
public class StoreSalesProgress {

    /** The view's own consumer group: a new group reads the topic from its beginning. */
    static final String GROUP =
            "${customer360.sales.consumer-group:${spring.kafka.consumer.group-id:query-service-views}-store-sales}";

    static final String COLLECTION = "store_sales_progress";
    private static final String ID = "store-sales";

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private final String group;
    private final Clock clock;
    private final MongoCollection<Document> status;
    private final AtomicLong consumedHere = new AtomicLong();
    private volatile long firstConsumedNanos;
    private volatile Admin admin;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-sales-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledFuture<?> watching;

    StoreSalesProgress(
            KafkaAdmin kafkaAdmin,
            MongoTemplate mongo,
            Clock clock,
            @Value("${customer360.topics.events:customer-order-events}") String topic,
            @Value(GROUP) String group) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
        this.group = group;
        this.clock = clock;
        this.status = mongo.getCollection(COLLECTION);
        status.updateOne(
                Filters.eq("_id", ID),
                Updates.setOnInsert("startedAt", time(clock.instant())),
                new UpdateOptions().upsert(true));
        this.watching = watcher.scheduleWithFixedDelay(this::noteCaughtUp, 1, 1, TimeUnit.SECONDS);
    }

    /** The state of the view's reading, as {@code GET /api/sales/progress} answers it. */
    public record Progress(
            String view,
            String state,
            long eventsApplied,
            long eventsTotal,
            double progress,
            long lag,
            double eventsPerSecond,
            Long etaSeconds,
            Instant startedAt,
            Instant caughtUpAt) {

        /** The progress as a whole percentage, for a progress bar. */
        public int percent() {
            return (int) Math.floor(Math.min(1, Math.max(0, progress)) * 100);
        }
    }

    /** Counts the records a batch of this instance took off the topic, for its events per second. */
    void consumed(int records) {
        if (firstConsumedNanos == 0) {
            firstConsumedNanos = System.nanoTime();
        }
        consumedHere.addAndGet(records);
    }

    public Progress progress() {
        long[] appliedAndTotal = offsets();
        long applied = appliedAndTotal[0];
        long total = appliedAndTotal[1];
        long lag = Math.max(0, total - applied);
        Document stored = status.find(Filters.eq("_id", ID)).first();
        Instant startedAt = stored == null ? null : time(stored.get("startedAt"));
        Instant caughtUpAt = stored == null ? null : time(stored.get("caughtUpAt"));
        double seconds = firstConsumedNanos == 0 ? 0 : (System.nanoTime() - firstConsumedNanos) / 1e9;
        double perSecond = seconds <= 0 ? 0 : consumedHere.get() / seconds;
        Long eta = lag == 0 ? Long.valueOf(0) : perSecond > 0 ? Long.valueOf((long) Math.ceil(lag / perSecond)) : null;
        return new Progress(
                ID,
                caughtUpAt == null ? "BACKFILLING" : "LIVE",
                applied,
                total,
                total == 0 ? 1.0 : (double) applied / total,
                lag,
                perSecond,
                eta,
                startedAt,
                caughtUpAt);
    }

    private void noteCaughtUp() {
        try {
            long[] appliedAndTotal = offsets();
            if (appliedAndTotal[0] >= appliedAndTotal[1]) {
                status.updateOne(
                        Filters.and(Filters.eq("_id", ID), Filters.eq("caughtUpAt", null)),
                        Updates.set("caughtUpAt", time(clock.instant())));
                watching.cancel(false);
            }
        } catch (RuntimeException e) {
            // The topic or the store not there yet; the next look will do.
        }
    }

    /** Events the group has committed past, and events on the topic, counted from each partition's beginning. */
    private long[] offsets() {
        try {
            Admin client = admin();
            List<TopicPartition> partitions = client
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> beginnings = offsets(client, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            long applied = 0;
            long total = 0;
            for (TopicPartition partition : partitions) {
                long beginning = beginnings.getOrDefault(partition, 0L);
                OffsetAndMetadata position = committed.get(partition);
                total += ends.getOrDefault(partition, beginning) - beginning;
                applied += position == null ? 0 : Math.max(0, position.offset() - beginning);
            }
            return new long[] {applied, total};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        return client
                .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all()
                .get(5, TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
            }
        }
        return admin;
    }

    private static ErrorResponseException unavailable(Exception e) {
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, e);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
