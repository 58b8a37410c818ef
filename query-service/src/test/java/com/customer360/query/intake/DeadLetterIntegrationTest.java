package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

@EmbeddedInfrastructure
class DeadLetterIntegrationTest {

    private static final String DEAD_LETTERS = "customer-order-events.dlq";

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
    void shouldDeadLetterUnreadableRecordsUntouchedAndStillApplyTheEventsAfterThem() {
        EventPublisher publisher = new EventPublisher(kafka, admin);
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = new String(
                        publisher.encode(history.placed("o-x", customerId, "USD", "1.00", "2026-01-01")),
                        StandardCharsets.UTF_8)
                .replace("\"order.placed\"", "\"order.teleported\"")
                .getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> garbageRecord = new ProducerRecord<>(EventPublisher.TOPIC, customerId, garbage);
        garbageRecord.headers().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));

        publisher.publish(List.of(history.registered(customerId, null)));
        publisher.publish(garbageRecord);
        publisher.publish(new ProducerRecord<>(EventPublisher.TOPIC, customerId, unknownType));
        publisher.publish(List.of(history.placed("o-" + customerId, customerId, "USD", "12.34", "2026-01-05")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/api/customers/" + customerId, String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(
                    "{\"summaries\": [{\"currency\": \"USD\", \"orderCount\": 1, \"lifetimeValue\": \"12.34\"}]}",
                    response.getBody(),
                    JSONCompareMode.LENIENT);
        });
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersOf(customerId, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(garbage, unknownType);
        assertThat(deadLetters)
                .extracting(record -> header(record, "dlq-reason-code"))
                .containsExactly("MALFORMED_JSON", "UNKNOWN_TYPE");
        ConsumerRecord<String, byte[]> first = deadLetters.get(0);
        assertThat(header(first, "trace-id")).isEqualTo("abc");
        assertThat(header(first, "dlq-reason")).startsWith("not valid JSON");
        assertThat(header(first, "dlq-original-topic")).isEqualTo(EventPublisher.TOPIC);
        assertThat(header(first, "dlq-original-partition")).matches("\\d+");
        assertThat(header(first, "dlq-original-offset")).matches("\\d+");
        assertThat(header(first, "dlq-failed-at")).isNotBlank();
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersOf(String key, int expected) {
        Map<String, Object> props = KafkaTestUtils.consumerProps("dlq-reader-" + UUID.randomUUID(), "false", broker);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer()) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
