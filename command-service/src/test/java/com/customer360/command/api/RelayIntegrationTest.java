package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.testing.TestHttp;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The event store is the outbox: what was stored reaches the topic even when Kafka was down at the time. The store is
 * the shared one; the broker is the product's embedded broker too, but one of the test's own, started only once the
 * service has stored events without it.
 */
class RelayIntegrationTest {

    private static final Map<String, String> IMPATIENT_KAFKA_CLIENTS = Map.of(
            "spring.kafka.producer.properties.max.block.ms", "1500",
            "spring.kafka.admin.operation-timeout", "2s",
            "spring.kafka.admin.close-timeout", "1s");

    @Test
    void shouldPublishEventsStoredWhileKafkaWasDownOnceItIsBackEvenAfterARestart() throws Exception {
        int kafkaPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            kafkaPort = socket.getLocalPort();
        }
        String customerId = "c-" + UUID.randomUUID();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        Map<String, String> whileDown = new HashMap<>(IMPATIENT_KAFKA_CLIENTS);
        whileDown.put("spring.kafka.bootstrap-servers", bootstrap);
        try (StandaloneCommandService whileKafkaIsDown = StandaloneCommandService.start("relay", whileDown)) {
            TestHttp http = whileKafkaIsDown.http();
            assertThat(http.post(
                                    "/api/customers",
                                    "{\"customerId\":\"%s\",\"name\":\"Ada\",\"email\":\"a@b.co\"}"
                                            .formatted(customerId))
                            .status())
                    .isEqualTo(201);
            assertThat(http.send("PATCH", "/api/customers/" + customerId, "{\"name\":\"Ada K\"}")
                            .status())
                    .isEqualTo(204);
        }
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary(kafkaPort);
                StandaloneCommandService restarted =
                        StandaloneCommandService.start("relay", Map.of("spring.kafka.bootstrap-servers", bootstrap));
                TopicReader topic = new TopicReader(kafka.bootstrapServers(), restarted.eventsTopic())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(topic.poll())
                    .filteredOn(record -> customerId.equals(record.key()))
                    .hasSize(2));
        }
    }
}
