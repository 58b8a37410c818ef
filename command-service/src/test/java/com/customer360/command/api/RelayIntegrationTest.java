package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event store is the outbox: what was stored reaches the topic even when Kafka was down at the time. */
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
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory()) {
            String uri = mongo.connectionString() + "/relay";
            String bootstrap = "127.0.0.1:" + kafkaPort;
            try (CommandServiceInstance whileKafkaIsDown =
                    new CommandServiceInstance(uri, bootstrap, IMPATIENT_KAFKA_CLIENTS)) {
                Http http = whileKafkaIsDown.http();
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
                    CommandServiceInstance restarted = new CommandServiceInstance(uri, bootstrap, Map.of());
                    TopicReader topic = new TopicReader(kafka.bootstrapServers(), "customer-order-events")) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(topic.poll())
                        .filteredOn(record -> customerId.equals(record.key()))
                        .hasSize(2));
            }
        }
    }
}
