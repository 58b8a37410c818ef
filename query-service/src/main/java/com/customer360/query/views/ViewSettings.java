package com.customer360.query.views;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How rebuilds run ({@code customer360.views.*}).
 *
 * @param sliceEvents how many events a rebuild folds and writes at once: its bulk writes grow with it, and so does
 *     the heap one slice takes (its events and the documents they touch)
 * @param bulkMaxDocuments how many customer and order documents the catch-up holds in memory — a pass over the
 *     history takes as many customers as fit, and after the passes it writes them in bulk when this many are held —
 *     and how many timeline entries it writes at once: the bound of its heap (a few KiB a document)
 * @param maxEventsPerSecond the pace of a rebuild, for an operator to slow it; 0 for as fast as it goes
 * @param leaseDuration how long a rebuild's lease lasts without renewal: an instance that died holds it this long
 *     before another instance takes the rebuild over from its committed position
 * @param retiredGrace how long a retired version's data is kept before it is dropped
 * @param asOfSettle how long after its moment an as-of snapshot keeps reading, for events recorded before the moment
 *     that reach the topic late (the command side's relay look-back)
 * @param consumerGroupPrefix the consumer group of a rebuild is this followed by its id
 */
@Validated
@ConfigurationProperties("customer360.views")
public record ViewSettings(
        @DefaultValue("5000") @Min(1) int sliceEvents,
        @DefaultValue("50000") @Min(1) int bulkMaxDocuments,
        @DefaultValue("0") @Min(0) long maxEventsPerSecond,
        @DefaultValue("15s") @NotNull Duration leaseDuration,
        @DefaultValue("1h") @NotNull Duration retiredGrace,
        @DefaultValue("10s") @NotNull Duration asOfSettle,
        @DefaultValue("query-service-rebuild-") @NotNull String consumerGroupPrefix) {

    /** A rebuild's consumer: its own group, committed by hand, from the start of the topic, slices at most 5000. */
    Map<String, Object> consumerProperties(Map<String, Object> base, String rebuildId, String owner) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroupPrefix + rebuildId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(sliceEvents, 5000));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + rebuildId + "-" + owner);
        return properties;
    }
}
