package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The command service started once, a reader of its event topic, and a customer of this test's own. */
abstract class CommandApiTests {

    static StandaloneCommandService service;

    @BeforeAll
    static void start() {
        service = StandaloneCommandService.start("command-api", Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    TestHttp http;
    TopicReader topic;
    final CloudEventCodec codec = new CloudEventCodec();
    final String customerId = "c-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = service.http();
        topic = service.events();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    String customer() {
        return """
                {"customerId":"%s","name":"Ada Lovelace","email":"ada@example.com","phone":"+44 20 7946 0000",
                 "defaultShippingAddress":{"line1":"12 St James's Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}}
                """
                .formatted(customerId);
    }

    String order(String orderId, String extra) {
        return """
                {"orderId":"%s","customerId":"%s","storeId":"store-london","currency":"USD",
                 "lines":[{"sku":"TEA","name":"Tea","quantity":2,"unitPrice":"12.50"},{"sku":"MUG","name":"Mug","quantity":1,"unitPrice":"18.95"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}%s}
                """
                .formatted(orderId, customerId, extra);
    }

    List<EventEnvelope> publishedFor(String key, int atLeast) {
        List<EventEnvelope> events = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            events.clear();
            for (ConsumerRecord<String, byte[]> record : topic.poll()) {
                if (key.equals(record.key())) {
                    events.add(codec.decode(record.value()));
                }
            }
            assertThat(events).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return events;
    }

    static void assertProblem(TestHttp.Answer response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .as(response.body())
                .contains(field);
        assertThat(response.body()).doesNotContain("Exception", "at com.");
    }
}
