package com.customer360.query.intake;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.query.projection.ProjectionSettings;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The codec and the error handling of the consumer. The error handler is what keeps valid events from
 * ever being dropped: a batch that fails (MongoDB down, a write that keeps conflicting) is retried whole, with
 * growing pauses, for as long as it takes; its offsets are committed only once it went through.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

    @Bean
    CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CommonErrorHandler retryBatchForever(ProjectionSettings settings) {
        ProjectionSettings.Retry retry = settings.retry();
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, ex) -> {
                    // Unreachable while the back-off never stops; throwing makes the container re-seek, not skip.
                    throw new IllegalStateException("a batch of events is never skipped", ex);
                },
                backOff);
        // Every failure is worth retrying: unreadable records never reach here, they go to the dead-letter topic.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                log.warn(
                        "Event {}-{}@{} failed (attempt {}), retrying: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        deliveryAttempt,
                        describe(ex));
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                log.warn(
                        "Batch of {} events on {} failed (attempt {}), retrying the whole batch: {}",
                        records.count(),
                        records.partitions(),
                        deliveryAttempt,
                        describe(ex));
            }
        });
        return handler;
    }

    /** The failure's type and message, never a record's value: logs carry no customer details. */
    private static String describe(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}
