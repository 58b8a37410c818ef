package com.customer360.command.publishing;

import com.customer360.command.Unavailable;
import com.customer360.command.eventstore.StoredEvents;
import com.customer360.events.DomainEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes stored events again, exactly as the relay did: the relay finds new events by timestamp with a look-back,
 * so an event whose insert became visible later than the look-back (a long write stall, clock skew between instances)
 * is never published. A reader that sees the gap (sequence n followed by n+2) holds the customer until the missing
 * event comes; this sends it — and whatever else was asked for, which readers ignore because they guard every
 * document by aggregate sequence.
 */
final class Republisher {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);
    /** Sends under way at once; each chunk is acknowledged before the next is sent. */
    private static final int CHUNK = 1000;

    private final StoredEvents stored;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventRecords records;
    private final Duration ackTimeout;
    private final long maxEvents;

    Republisher(
            StoredEvents stored,
            KafkaTemplate<String, byte[]> kafka,
            EventRecords records,
            Duration ackTimeout,
            long maxEvents) {
        this.stored = stored;
        this.kafka = kafka;
        this.records = records;
        this.ackTimeout = ackTimeout;
        this.maxEvents = maxEvents;
    }

    long maxEvents() {
        return maxEvents;
    }

    /** One aggregate's whole stream ({@code customer:<id>} or {@code order:<id>}); how many events were sent. */
    int stream(String streamId) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<DomainEventMessage<?>> events = stored.stream(streamId);
        events.forEach(event -> send(event, pending));
        acknowledged(pending);
        log.info("Re-published {} events of {} to {}", events.size(), streamId, records.topic());
        return events.size();
    }

    /** Every event stored in {@code [from, to)}; how many were sent. */
    long range(Instant from, Instant to) throws StoredEvents.TooMany {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long sent = stored.inRange(from, to, maxEvents, event -> send(event, pending));
        acknowledged(pending);
        log.info("Re-published {} events stored from {} to {} to {}", sent, from, to, records.topic());
        return sent;
    }

    private void send(DomainEventMessage<?> message, List<CompletableFuture<?>> pending) {
        if (!(message.getPayload() instanceof DomainEvent event)) {
            throw new IllegalStateException("stored event " + message.getIdentifier() + " is not a domain event");
        }
        pending.add(kafka.send(
                records.of(message.getIdentifier(), message.getTimestamp(), message.getSequenceNumber(), event)));
        if (pending.size() >= CHUNK) {
            acknowledged(pending);
        }
    }

    private void acknowledged(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-publishing to " + records.topic(), e);
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka did not acknowledge re-published events on " + records.topic(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                throw new Unavailable("Kafka did not acknowledge re-published events on " + records.topic(), e);
            }
            throw new IllegalStateException("Kafka refused re-published events on " + records.topic(), e);
        } finally {
            pending.clear();
        }
    }
}
