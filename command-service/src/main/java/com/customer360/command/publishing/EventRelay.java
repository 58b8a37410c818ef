package com.customer360.command.publishing;

import com.customer360.events.DomainEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends each event of a tracking batch without waiting, then waits once for all acknowledgements at the batch's last
 * event. Failing there fails the batch before the processor stores its token, so the whole batch is tried again.
 */
@ProcessingGroup(EventRelay.PROCESSING_GROUP)
class EventRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING = EventRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventRecords records;
    private final Duration ackTimeout;

    EventRelay(KafkaTemplate<String, byte[]> kafka, EventRecords records, Duration ackTimeout) {
        this.kafka = kafka;
        this.records = records;
        this.ackTimeout = ackTimeout;
    }

    @EventHandler
    void on(DomainEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        ProducerRecord<String, byte[]> record =
                records.of(message.getIdentifier(), message.getTimestamp(), sequence, event);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<CompletableFuture<SendResult<String, byte[]>>> pending =
                unitOfWork.root().getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(kafka.send(record));
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            awaitAcknowledgements(pending);
        }
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + records.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge " + pending.size() + " events on " + records.topic() + "; will retry",
                    e);
        } finally {
            pending.clear();
        }
    }
}
