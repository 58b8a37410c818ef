package com.customer360.query.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * How far this instance's projection is behind the event topic: the events not yet consumed, per partition it reads,
 * from its Kafka consumers' own {@code records-lag} metrics. Published as the gauge {@code customer360.projection.lag}
 * (tagged with the partition) every five seconds — Micrometer's own binding of the Kafka metrics notices a newly
 * assigned partition only once a minute — and read directly by the readiness check.
 */
@Component
public class PartitionLag {

    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final String LIVE_LISTENER = "customer-order-events-projection";

    private final KafkaListenerEndpointRegistry listeners;
    private final String topic;
    private final MultiGauge gauge;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-lag");
        thread.setDaemon(true);
        return thread;
    });

    PartitionLag(
            KafkaListenerEndpointRegistry listeners,
            MeterRegistry meters,
            @Value("${customer360.topics.events:customer-order-events}") String topic) {
        this.listeners = listeners;
        this.topic = topic;
        this.gauge = MultiGauge.builder("customer360.projection.lag")
                .description("events of the event topic not yet projected, per partition")
                .baseUnit("events")
                .register(meters);
        refresher.scheduleWithFixedDelay(this::publish, 1, 5, TimeUnit.SECONDS);
    }

    /** The lag of each partition this instance reads and has fetched from, by partition number. */
    public Map<Integer, Long> byPartition() {
        Map<Integer, Long> lag = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            // Only the live projection's: the store-sales view has a consumer group and a backfill of its own.
            if (!LIVE_LISTENER.equals(container.getListenerId())) {
                continue;
            }
            for (Map<MetricName, ? extends Metric> metrics : container.metrics().values()) {
                metrics.forEach((name, metric) -> {
                    String partition = name.tags().get("partition");
                    if (name.name().equals("records-lag")
                            && name.group().equals(GROUP)
                            && topic.equals(name.tags().get("topic"))
                            && partition != null
                            && metric.metricValue() instanceof Number value
                            && !Double.isNaN(value.doubleValue())
                            && value.doubleValue() >= 0) {
                        lag.merge(Integer.parseInt(partition), value.longValue(), Long::sum);
                    }
                });
            }
        }
        return lag;
    }

    private void publish() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            byPartition()
                    .forEach((partition, lag) -> rows.add(
                            MultiGauge.Row.of(Tags.of("topic", topic, "partition", String.valueOf(partition)), lag)));
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            // A container stopping while it is read; the next refresh will do.
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
