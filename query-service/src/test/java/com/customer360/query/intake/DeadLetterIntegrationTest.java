package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@EmbeddedInfrastructure
class DeadLetterIntegrationTest {

    private static final String DEAD_LETTERS = "customer-order-events.dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    @Autowired
    private EmbeddedKafkaBroker broker;

    private final String customerId = "c-" + UUID.randomUUID();
    private final EventHistory history = new EventHistory();

    @Test
    void shouldDeadLetterUnreadableRecordsUntouchedAndHoldTheCustomersEventsBehindThem() throws Exception {
        EventPublisher publisher = new EventPublisher(kafka, admin);
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = new String(
                        publisher.encode(history.placed("o-x", customerId, "USD", "1.00", "2026-01-01")),
                        StandardCharsets.UTF_8)
                .replace("\"order.placed\"", "\"order.teleported\"")
                .getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> garbageRecord = new ProducerRecord<>(EventPublisher.TOPIC, customerId, garbage);
        garbageRecord.headers().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        byte[] placed = publisher.encode(history.placed("o-" + customerId, customerId, "USD", "12.34", "2026-01-05"));

        publisher.publish(List.of(history.registered(customerId, null)));
        publisher.publish(garbageRecord);
        publisher.publish(new ProducerRecord<>(EventPublisher.TOPIC, customerId, unknownType));
        publisher.awaitConsumed(publisher.publish(customerId, placed));

        List<ConsumerRecord<String, byte[]>> deadLetters =
                DeadLetterTopic.read(broker.getBrokersAsString(), DEAD_LETTERS, r -> customerId.equals(r.key()), 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(garbage, unknownType, placed);
        assertThat(deadLetters)
                .extracting(record -> DeadLetterTopic.header(record, "dlq-reason-code"))
                .containsExactly("MALFORMED_JSON", "HELD_BEHIND_DEAD_LETTER", "HELD_BEHIND_DEAD_LETTER");
        ConsumerRecord<String, byte[]> first = deadLetters.get(0);
        assertThat(DeadLetterTopic.header(first, "trace-id")).isEqualTo("abc");
        assertThat(DeadLetterTopic.header(first, "dlq-reason")).startsWith("not valid JSON");
        assertThat(DeadLetterTopic.header(first, "dlq-original-topic")).isEqualTo(EventPublisher.TOPIC);
        assertThat(DeadLetterTopic.header(first, "dlq-original-partition")).matches("\\d+");
        assertThat(DeadLetterTopic.header(first, "dlq-original-offset")).matches("\\d+");
        assertThat(DeadLetterTopic.header(first, "dlq-failed-at")).isNotBlank();
        assertThat(DeadLetterTopic.header(deadLetters.get(1), "dlq-reason"))
                .contains("partition " + DeadLetterTopic.header(first, "dlq-original-partition"))
                .contains("offset " + DeadLetterTopic.header(first, "dlq-original-offset"));
        ResponseEntity<String> customer = http.getForEntity("/api/customers/" + customerId, String.class);
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JSONAssert.assertEquals("{\"summaries\": []}", customer.getBody(), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldDeadLetterARecordWithoutAKeyWithoutHoldingAnyone() throws Exception {
        EventPublisher publisher = new EventPublisher(kafka, admin);
        byte[] garbage = ("keyless garbage " + customerId).getBytes(StandardCharsets.UTF_8);

        RecordMetadata keyless = publisher.publish(null, garbage);
        publisher.awaitConsumed(keyless);
        publisher.awaitConsumed(publisher.publish(List.of(history.registered(customerId, null))));

        assertThat(DeadLetterTopic.read(
                        broker.getBrokersAsString(), DEAD_LETTERS, r -> Arrays.equals(r.value(), garbage), 1))
                .extracting(ConsumerRecord::key)
                .containsExactly((String) null);
        String id = EventPublisher.TOPIC + "-" + keyless.partition() + "-" + keyless.offset();
        JsonNode listing = JSON.readTree(http.getForEntity("/api/admin/dead-letters?size=100", String.class)
                .getBody());
        assertThat(listing.path("items"))
                .filteredOn(item -> item.path("id").asText().equals(id))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.path("customerId").isNull()).isTrue();
                    assertThat(item.path("reasonCode").asText()).isEqualTo("MALFORMED_JSON");
                });
        assertThat(http.getForEntity("/api/customers/" + customerId, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
