package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.InMemoryMongo;
import com.customer360.query.intake.RedriveReport.CustomerRedrive;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The listener, the holds and the re-drive against a MongoDB wire-protocol server, without Spring or a broker: a read
 * model that records the order in which events are applied shows that a held customer's events are applied once
 * each, in topic order, whatever happens in between.
 */
class DeadLetterRedriveIntegrationTest {

    private static final String TOPIC = "customer-order-events";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);

    private final CloudEventCodec codec = new CloudEventCodec();
    private final EventHistory history = new EventHistory();
    private final UpcastingEventReader reader = new UpcastingEventReader(codec, false);
    private final List<ProducerRecord<String, byte[]>> deadLetterTopic = new CopyOnWriteArrayList<>();
    private Runnable duringNextProjection = () -> {};
    private long nextOffset;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> appliedEvents;
    private StoredDeadLetters deadLetters;
    private HeldCustomers heldCustomers;
    private CustomerOrderEventsListener listener;
    private DeadLetterRedrive redrive;

    @BeforeEach
    void start() {
        server = InMemoryMongo.start();
        client = MongoClients.create(InMemoryMongo.uri(server));
        MongoTemplate mongo = new MongoTemplate(client, "customer360");
        appliedEvents = mongo.getCollection(AppliedEvents.COLLECTION);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProjectionSettings settings = new ProjectionSettings(
                5, new ProjectionSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));
        BatchCheckpoints checkpoints = new BatchCheckpoints() {
            @Override
            public void readModelWritten(String collection, List<EventEnvelope> events) {
                Runnable now = duringNextProjection;
                duringNextProjection = () -> {};
                now.run();
            }
        };
        ReadModelProjector projector =
                new ReadModelProjector(List.of(new AppliedEvents()), mongo, CLOCK, settings, meters, checkpoints);
        deadLetters = new StoredDeadLetters(mongo, CLOCK);
        heldCustomers = new HeldCustomers(mongo, CLOCK, meters);
        DeadLetterPublisher publisher =
                new DeadLetterPublisher(kafka(), new EventTopics(TOPIC, TOPIC + ".dlq", 3, null), CLOCK, meters);
        listener = new CustomerOrderEventsListener(
                reader, heldCustomers, deadLetters, publisher, projector, CLOCK, BatchCheckpoints.NONE);
        redrive =
                new DeadLetterRedrive(deadLetters, heldCustomers, reader, projector, new DeadLetterSettings(2), meters);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldApplyAHeldCustomersDeadLettersInTopicOrderOnceTheFixIsDeployedAndReleaseThem() {
        EventEnvelope registered = history.registered("c-1", null);
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope shipped = history.shipped("o-1", "c-1", "2026-01-02");
        EventEnvelope refunded = history.refunded("o-1", "c-1", "USD", "1.00");
        EventEnvelope otherCustomer = history.registered("c-2", null);
        listener.onBatch(List.of(event(registered), revision2(placed), event(shipped), event(otherCustomer)));
        listener.onBatch(List.of(event(refunded)));

        assertThat(applied("c-1")).containsExactly(registered.id());
        assertThat(applied("c-2")).containsExactly(otherCustomer.id());

        reader.deployTheFix();
        RedriveReport report = redrive.redriveAll();

        assertThat(report).isEqualTo(new RedriveReport(3, 0, 1, List.of(new CustomerRedrive("c-1", 3, 0, true, null))));
        assertThat(applied("c-1")).containsExactly(registered.id(), placed.id(), shipped.id(), refunded.id());
        assertThat(heldCustomers.find("c-1")).isEmpty();
        assertThat(deadLetters.countOf("c-1")).isZero();
    }

    @Test
    void shouldKeepACustomerHeldBehindADeadLetterThatStillCannotBeRead() {
        EventEnvelope registered = history.registered("c-1", null);
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                event(registered),
                revision2(placed),
                raw("c-1", "not json"),
                event(history.shipped("o-1", "c-1", "2026-01-02")));
        ConsumerRecord<String, byte[]> garbage = batch.get(2);
        listener.onBatch(batch);
        reader.deployTheFix();

        CustomerRedrive redriven = redrive.redrive("c-1").customers().get(0);

        assertThat(redriven.applied()).isEqualTo(1);
        assertThat(redriven.stillDeadLettered()).isEqualTo(2);
        assertThat(redriven.released()).isFalse();
        assertThat(redriven.blockedBy().id()).isEqualTo(DeadLetter.idOf(garbage));
        assertThat(redriven.blockedBy().reasonCode()).isEqualTo("MALFORMED_JSON");
        assertThat(applied("c-1")).containsExactly(registered.id(), placed.id());
        assertThat(heldCustomers.find("c-1")).isPresent();
        assertThat(deadLetters.page("c-1", 0, 10).items())
                .extracting(DeadLetterPage.Item::reasonCode)
                .containsExactly("MALFORMED_JSON", DeadLetter.HELD_BEHIND_DEAD_LETTER);
    }

    @Test
    void shouldReleaseTheCustomerWhenAnOperatorDeletesTheirLastDeadLetter() {
        ConsumerRecord<String, byte[]> garbage = raw("c-1", "not json");
        listener.onBatch(List.of(garbage));

        DeletedDeadLetter deleted = redrive.delete(DeadLetter.idOf(garbage), "producer bug, the event was sent again");
        EventEnvelope registered = history.registered("c-1", null);
        listener.onBatch(List.of(event(registered)));

        assertThat(deleted).isEqualTo(new DeletedDeadLetter(DeadLetter.idOf(garbage), "c-1", true));
        assertThat(applied("c-1")).containsExactly(registered.id());
    }

    @Test
    void shouldApplyTheRestOnceAnOperatorDeletesTheDeadLetterThatCanNeverBeRead() {
        ConsumerRecord<String, byte[]> garbage = raw("c-1", "not json");
        EventEnvelope registered = history.registered("c-1", null);
        listener.onBatch(List.of(garbage, event(registered)));

        DeletedDeadLetter deleted = redrive.delete(DeadLetter.idOf(garbage), "not an event of ours");
        RedriveReport report = redrive.redrive("c-1");

        assertThat(deleted.released()).isFalse();
        assertThat(report.applied()).isEqualTo(1);
        assertThat(report.customersReleased()).isEqualTo(1);
        assertThat(applied("c-1")).containsExactly(registered.id());
    }

    @Test
    void shouldApplyInOrderADeadLetterThatArrivesWhileTheRedriveRuns() {
        EventEnvelope registered = history.registered("c-1", null);
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope shipped = history.shipped("o-1", "c-1", "2026-01-02");
        listener.onBatch(List.of(event(registered), revision2(placed)));
        reader.deployTheFix();
        duringNextProjection = () -> listener.onBatch(List.of(event(shipped)));

        RedriveReport report = redrive.redrive("c-1");

        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.customersReleased()).isEqualTo(1);
        assertThat(applied("c-1")).containsExactly(registered.id(), placed.id(), shipped.id());
        assertThat(deadLetters.countOf("c-1")).isZero();
    }

    @Test
    void cannotReleaseAHoldThatGotDeadLettersSinceItsVersionWasRead() {
        listener.onBatch(List.of(raw("c-1", "not json")));
        long seenByARedrive = heldCustomers.find("c-1").orElseThrow().version();
        listener.onBatch(List.of(event(history.registered("c-1", null))));

        assertThat(heldCustomers.release("c-1", seenByARedrive)).isFalse();
        assertThat(heldCustomers.find("c-1")).isPresent();
    }

    @Test
    void shouldNeitherDuplicateDeadLettersNorApplyHeldEventsWhenABatchIsRedelivered() {
        EventEnvelope registered = history.registered("c-1", null);
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                event(registered),
                raw("c-1", "not json"),
                event(history.placed("o-1", "c-1", "USD", "1.00", "2026-01-01")));

        listener.onBatch(batch);
        listener.onBatch(batch);

        assertThat(applied("c-1")).containsExactly(registered.id());
        // The redelivery found the customer held, so even the event before the garbage waits now; it is already
        // applied, which the re-drive will see.
        assertThat(deadLetters.page("c-1", 0, 10).items())
                .extracting(DeadLetterPage.Item::id, DeadLetterPage.Item::reasonCode)
                .containsExactly(
                        tuple(TOPIC + "-0-0", DeadLetter.HELD_BEHIND_DEAD_LETTER),
                        tuple(TOPIC + "-0-1", "MALFORMED_JSON"),
                        tuple(TOPIC + "-0-2", DeadLetter.HELD_BEHIND_DEAD_LETTER));
        assertThat(deadLetterTopic).hasSize(5);
    }

    private List<String> applied(String customerId) {
        return AppliedEvents.of(appliedEvents, customerId);
    }

    private ConsumerRecord<String, byte[]> event(EventEnvelope event) {
        return record(event.key(), codec.encode(event));
    }

    /** The event as a producer one version ahead writes it: unreadable here until the fix is deployed. */
    private ConsumerRecord<String, byte[]> revision2(EventEnvelope event) {
        return record(event.key(), UpcastingEventReader.asRevision2(codec.encode(event)));
    }

    private ConsumerRecord<String, byte[]> raw(String key, String value) {
        return record(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 0, nextOffset++, key, value);
    }

    @SuppressWarnings("unchecked")
    private KafkaTemplate<String, byte[]> kafka() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            deadLetterTopic.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        return kafka;
    }
}
