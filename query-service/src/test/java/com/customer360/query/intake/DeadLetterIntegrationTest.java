package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
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

class DeadLetterIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final TestHttp http = service.http();
    private final String deadLetterTopic = service.deadLetterTopic();
    private final String topic = service.topic();

    private final String customerId = "c-" + UUID.randomUUID();
    private final EventHistory history = new EventHistory();

    @Test
    void shouldDeadLetterUnreadableRecordsUntouchedAndHoldTheCustomersEventsBehindThem() throws Exception {
        EventPublisher publisher = service.publisher();
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = new String(
                        publisher.encode(history.placed("o-x", customerId, "USD", "1.00", "2026-01-01")),
                        StandardCharsets.UTF_8)
                .replace("\"order.placed\"", "\"order.teleported\"")
                .getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> garbageRecord = new ProducerRecord<>(topic, customerId, garbage);
        garbageRecord.headers().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        byte[] placed = publisher.encode(history.placed("o-" + customerId, customerId, "USD", "12.34", "2026-01-05"));

        publisher.publish(List.of(history.registered(customerId, null)));
        publisher.publish(garbageRecord);
        publisher.publish(new ProducerRecord<>(topic, customerId, unknownType));
        publisher.awaitConsumed(publisher.publish(customerId, placed));

        List<ConsumerRecord<String, byte[]>> deadLetters = DeadLetterTopic.read(
                StandaloneQueryService.bootstrapServers(), deadLetterTopic, r -> customerId.equals(r.key()), 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(garbage, unknownType, placed);
        assertThat(deadLetters)
                .extracting(record -> DeadLetterTopic.header(record, "dlq-reason-code"))
                .containsExactly("MALFORMED_JSON", "HELD_BEHIND_DEAD_LETTER", "HELD_BEHIND_DEAD_LETTER");
        ConsumerRecord<String, byte[]> first = deadLetters.get(0);
        assertThat(DeadLetterTopic.header(first, "trace-id")).isEqualTo("abc");
        assertThat(DeadLetterTopic.header(first, "dlq-reason")).startsWith("not valid JSON");
        assertThat(DeadLetterTopic.header(first, "dlq-original-topic")).isEqualTo(topic);
        assertThat(DeadLetterTopic.header(first, "dlq-original-partition")).matches("\\d+");
        assertThat(DeadLetterTopic.header(first, "dlq-original-offset")).matches("\\d+");
        assertThat(DeadLetterTopic.header(first, "dlq-failed-at")).isNotBlank();
        assertThat(DeadLetterTopic.header(deadLetters.get(1), "dlq-reason"))
                .contains("partition " + DeadLetterTopic.header(first, "dlq-original-partition"))
                .contains("offset " + DeadLetterTopic.header(first, "dlq-original-offset"));
        TestHttp.Answer customer = http.get("/api/customers/" + customerId);
        assertThat(customer.status()).isEqualTo(200);
        JSONAssert.assertEquals("{\"summaries\": []}", customer.body(), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldDeadLetterARecordWithoutAKeyWithoutHoldingAnyone() throws Exception {
        EventPublisher publisher = service.publisher();
        byte[] garbage = ("keyless garbage " + customerId).getBytes(StandardCharsets.UTF_8);

        RecordMetadata keyless = publisher.publish(null, garbage);
        publisher.awaitConsumed(keyless);
        publisher.awaitConsumed(publisher.publish(List.of(history.registered(customerId, null))));

        assertThat(DeadLetterTopic.read(
                        StandaloneQueryService.bootstrapServers(),
                        deadLetterTopic,
                        r -> Arrays.equals(r.value(), garbage),
                        1))
                .extracting(ConsumerRecord::key)
                .containsExactly((String) null);
        String id = topic + "-" + keyless.partition() + "-" + keyless.offset();
        JsonNode listing =
                JSON.readTree(http.get("/api/admin/dead-letters?size=100").body());
        assertThat(listing.path("items"))
                .filteredOn(item -> item.path("id").asText().equals(id))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.path("customerId").isNull()).isTrue();
                    assertThat(item.path("reasonCode").asText()).isEqualTo("MALFORMED_JSON");
                });
        assertThat(http.get("/api/customers/" + customerId).status()).isEqualTo(200);
    }
}
