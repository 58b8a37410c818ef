package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.order.OrderRefunded;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gap end to end, on the embedded stack with both services: the relay misses an event — stored with a time older
 * than its look-back, as after a write stalled that long — so the read side sees an order's refund n + 2 after n and
 * holds the customer behind a {@code SEQUENCE_GAP} dead letter, while another customer on the same partition keeps
 * updating. The relay's repair path re-publishes the order's stream, and the customer heals by itself: the figures
 * include the missed refund and no dead letter is left.
 */
class RelayGapIntegrationTest {

    private static final int PARTITIONS = 3;

    @TempDir
    Path data;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> running = new ArrayList<>();
    private ConfigurableApplicationContext command;
    private TestHttp commands;
    private TestHttp queries;

    @Test
    void shouldHoldTheCustomerAtTheEventTheRelayMissedAndHealOnceItIsRepublished() {
        start();
        String held = "c-gap-" + run;
        String other = onTheSamePartition(held);
        String orderId = "o-gap-" + run;
        register(held);
        register(other);
        accepted(commands.post("/api/orders", order(orderId, held, "40.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "40.00".equals(figure(held, "lifetimeValue")));

        Instant beforeTheLookBack = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        storeBehindTheRelaysBack(
                new OrderRefunded(orderId, held, "r-missed", new BigDecimal("10.00"), "EUR", null, beforeTheLookBack));
        accepted(
                commands.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"5.00\",\"refundId\":\"r-later\"}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> reasonCodes(held).contains("SEQUENCE_GAP"));
        assertThat(reasonCodes(held)).containsExactly("SEQUENCE_GAP");
        assertThat(figure(held, "lifetimeValue")).isEqualTo("40.00");
        accepted(commands.post("/api/orders", order("o-other-" + run, other, "12.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "12.00".equals(figure(other, "lifetimeValue")));
        assertThat(figure(held, "lifetimeValue")).isEqualTo("40.00");

        TestHttp.Answer republished =
                commands.post("/api/admin/relay/republish", "{\"aggregate\":\"order:" + orderId + "\"}");

        assertThat(republished.status()).as(republished.body()).isEqualTo(200);
        assertThat(republished.json().path("published").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(figure(held, "lifetimeValue")).isEqualTo("25.00");
            assertThat(figure(held, "refundedTotal")).isEqualTo("15.00");
            assertThat(deadLetters(held).path("totalItems").asInt()).isZero();
        });
        assertThat(queries.get("/api/orders/" + orderId).json().path("refunds"))
                .extracting(refund -> refund.path("amount").asText())
                .containsExactlyInAnyOrder("10.00", "5.00");
        assertThat(figure(other, "lifetimeValue")).isEqualTo("12.00");
    }

    /**
     * The event as the relay would never see it: appended now, through the service's own storage engine, with the
     * time of a minute ago — further back than the relay's look-back of three seconds.
     */
    private void storeBehindTheRelaysBack(OrderRefunded refund) {
        command.getBean(EventStorageEngine.class)
                .appendEvents(new GenericDomainEventMessage<>(
                        "Order",
                        AggregateStreams.order(refund.orderId()),
                        1,
                        refund,
                        Map.of(),
                        UUID.randomUUID().toString(),
                        refund.refundedAt()));
    }

    private void start() {
        EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
        running.add(mongo);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.persistent(data.resolve("kafka"), 0);
        running.add(kafka);
        ConfigurableApplicationContext query =
                Services.startQueryService(settings(kafka, mongo.connectionString() + "/customer360-views"), List.of());
        running.add(query::close);
        command = Services.startCommandService(
                settings(kafka, mongo.connectionString() + "/customer360-events"), List.of());
        running.add(command::close);
        commands = TestUsers.as(new TestHttp(Services.port(command)), "admin");
        queries = TestUsers.as(new TestHttp(Services.port(query)), "admin");
    }

    /** As the local stack sets the services up, on free ports. */
    private static Map<String, String> settings(EmbeddedKafkaBroker kafka, String mongoUri) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("customer360.security.local-users-file", TestUsers.file().toString());
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("spring.data.mongodb.uri", mongoUri);
        settings.put("customer360.topics.partitions", Integer.toString(PARTITIONS));
        return settings;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** A customer id whose events share the partition of {@code customerId}'s, as Kafka's default partitioner puts them. */
    private String onTheSamePartition(String customerId) {
        for (int i = 0; i < 1000; i++) {
            String candidate = "c-other-" + run + "-" + i;
            if (partitionOf(candidate) == partitionOf(customerId)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no id on the partition of " + customerId);
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private void register(String customerId) {
        accepted(commands.post(
                "/api/customers",
                "{\"customerId\":\"%s\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}".formatted(customerId)));
    }

    private static String order(String orderId, String customerId, String unitPrice) {
        return """
                {"orderId":"%s","customerId":"%s","storeId":"web","currency":"EUR",
                 "lines":[{"sku":"TEA","name":"Tea","quantity":1,"unitPrice":"%s"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}"""
                .formatted(orderId, customerId, unitPrice);
    }

    /** One of the customer's figures in euros, or {@code null} while the query side does not know them. */
    private String figure(String customerId, String name) {
        TestHttp.Answer customer = queries.get("/api/customers/" + customerId);
        if (customer.status() == 404) {
            return null;
        }
        assertThat(customer.status()).as(customer.body()).isEqualTo(200);
        JsonNode summaries = customer.json().path("summaries");
        return summaries.isEmpty() ? null : summaries.path(0).path(name).asText();
    }

    private JsonNode deadLetters(String customerId) {
        TestHttp.Answer answer = queries.get("/api/admin/dead-letters?customerId=" + customerId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private List<String> reasonCodes(String customerId) {
        return deadLetters(customerId).path("items").findValuesAsText("reasonCode");
    }

    private static void accepted(TestHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }
}
