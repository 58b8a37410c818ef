package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.deadletters.Hold;
import com.customer360.query.fold.Failure;
import com.customer360.query.projection.ProjectionResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BatchTriageTest {

    private static final String TOPIC = "customer-order-events";
    private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");

    private final CloudEventCodec codec = new CloudEventCodec();
    private final EventReader reader = new EventReader(codec);
    private final EventHistory history = new EventHistory();
    private final List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();

    @Test
    void shouldApplyTheEventsOfCustomersWhoAreNotHeld() {
        EventEnvelope registered = history.registered("c-1", null);
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        add(registered);
        add(placed);

        BatchTriage triage = BatchTriage.of(batch, Map.of(), reader, NOW);

        assertThat(triage.events()).containsExactly(registered, placed);
        assertThat(triage.deadLetters()).isEmpty();
    }

    @Test
    void shouldHoldTheCustomerOfAnUnreadableRecordBehindItWhileOtherCustomersKeepFlowing() {
        add(history.registered("c-1", null));
        addRaw("c-1", "not json");
        add(history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01"));
        EventEnvelope otherCustomer = history.registered("c-2", null);
        add(otherCustomer);
        addRaw("c-1", "not json either");

        BatchTriage triage = BatchTriage.of(batch, Map.of(), reader, NOW);

        assertThat(triage.events()).extracting(EventEnvelope::key).containsExactly("c-1", "c-2");
        assertThat(triage.events()).contains(otherCustomer);
        assertThat(triage.deadLetters())
                .extracting(DeadLetter::id, DeadLetter::reasonCode, DeadLetter::heldBehind)
                .containsExactly(
                        tuple(TOPIC + "-0-1", "MALFORMED_JSON", null),
                        tuple(TOPIC + "-0-2", DeadLetter.HELD_BEHIND_DEAD_LETTER, TOPIC + "-0-1"),
                        tuple(TOPIC + "-0-4", DeadLetter.HELD_BEHIND_DEAD_LETTER, TOPIC + "-0-1"));
        assertThat(triage.deadLetters().get(1).reason()).contains("partition 0", "offset 1");
    }

    @Test
    void shouldDeadLetterEveryRecordOfACustomerHeldBeforeTheBatchReadableOrNot() {
        add(history.registered("c-1", null));
        addRaw("c-1", "not json");
        Hold held = new Hold("c-1", TOPIC + "-2-7", "MALFORMED_JSON", TOPIC, 2, 7, NOW, 3);

        BatchTriage triage = BatchTriage.of(batch, Map.of("c-1", held), reader, NOW);

        assertThat(triage.events()).isEmpty();
        assertThat(triage.deadLetters())
                .extracting(DeadLetter::reasonCode)
                .containsOnly(DeadLetter.HELD_BEHIND_DEAD_LETTER);
        assertThat(triage.deadLetters()).extracting(DeadLetter::reason).allSatisfy(reason -> assertThat(reason)
                .contains(TOPIC + "-2-7", "partition 2", "offset 7"));
    }

    @Test
    void cannotHoldAnyoneBehindARecordWithoutAKey() {
        addRaw(null, "garbage");
        EventEnvelope registered = history.registered("c-1", null);
        add(registered);

        BatchTriage triage = BatchTriage.of(batch, Map.of(), reader, NOW);

        assertThat(triage.events()).containsExactly(registered);
        assertThat(triage.deadLetters()).extracting(DeadLetter::customerId).containsExactly((String) null);
    }

    @Test
    void shouldKeepTheOwnReasonOfTheRecordThatStartedAHoldWhenItIsRedelivered() {
        addRaw("c-1", "not json");
        add(history.registered("c-1", null));
        Hold startedByTheFirstRecord = new Hold("c-1", TOPIC + "-0-0", "MALFORMED_JSON", TOPIC, 0, 0, NOW, 1);

        BatchTriage triage = BatchTriage.of(batch, Map.of("c-1", startedByTheFirstRecord), reader, NOW);

        assertThat(triage.deadLetters())
                .extracting(DeadLetter::reasonCode)
                .containsExactly("MALFORMED_JSON", DeadLetter.HELD_BEHIND_DEAD_LETTER);
    }

    @Test
    void shouldNameADeadLetterByTopicPartitionAndOffsetInAFormTheApiAccepts() {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>("customer-order-events.v2", 11, 123456L, "c", null);

        assertThat(DeadLetter.idOf(record))
                .isEqualTo("customer-order-events.v2-11-123456")
                .matches(DeadLetter.ID_PATTERN);
    }

    private void add(EventEnvelope event) {
        batch.add(new ConsumerRecord<>(TOPIC, 0, batch.size(), event.key(), codec.encode(event)));
    }

    @Test
    void shouldHoldTheRestOfACustomersBatchBehindTheFirstEventTheProjectionCouldNotApply() {
        EventEnvelope registered = history.registered("c-1", null);
        EventEnvelope placed = history.placed("o-1", "c-1", "USD", "10.00", "2026-01-01");
        EventEnvelope shipped = history.shipped("o-1", "c-1", "2026-01-02");
        EventEnvelope other = history.registered("c-2", null);
        add(registered);
        add(placed);
        add(other);
        add(shipped);
        BatchTriage triage = BatchTriage.of(batch, Map.of(), reader, NOW);
        ProjectionResult result = new ProjectionResult(
                Map.of(1, new Failure("SEQUENCE_GAP", "order o-1: ...")), java.util.Set.of(3), java.util.Set.of());

        List<DeadLetter> failed = triage.failed(result, NOW);

        assertThat(failed)
                .extracting(deadLetter -> deadLetter.record().offset(), DeadLetter::reasonCode, DeadLetter::heldBehind)
                .containsExactly(
                        tuple(1L, "SEQUENCE_GAP", null), tuple(3L, DeadLetter.HELD_BEHIND_DEAD_LETTER, TOPIC + "-0-1"));
    }

    private void addRaw(String key, String value) {
        batch.add(new ConsumerRecord<>(TOPIC, 0, batch.size(), key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
