package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's repair path: an event whose insert became visible later than the relay's look-back is never published,
 * and re-publishing from the event store sends it — with the id, time, type and sequence the relay would have given
 * it, keyed by the customer — together with whatever else was asked for, byte for byte as first published.
 */
class RelayRepublishIntegrationTest extends RunningCommandService {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String customerId = "c-" + suffix;
    private final EventStorageEngine storageEngine = service().bean(EventStorageEngine.class);
    private TestHttp http;
    private TopicReader topic;

    @BeforeEach
    void setUp() {
        http = http();
        topic = service().events();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private void register(String id) {
        assertAccepted(http.post(
                "/api/customers",
                "{\"customerId\":\"%s\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}".formatted(id)));
    }

    private void order(String orderId) {
        assertAccepted(http.post(
                "/api/orders",
                """
                {"orderId":"%s","customerId":"%s","storeId":"web","currency":"EUR",
                 "lines":[{"sku":"TEA","name":"Tea","quantity":2,"unitPrice":"12.50"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """
                        .formatted(orderId, customerId)));
    }

    private List<ConsumerRecord<String, byte[]>> publishedFor(String key, int atLeast) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            mine.clear();
            topic.poll().stream().filter(record -> key.equals(record.key())).forEach(mine::add);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return mine;
    }

    private List<EventEnvelope> decoded(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                envelopes.add(codec.decode(record.value()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return envelopes;
    }

    private TestHttp.Answer republish(String body) {
        return http.post("/api/admin/relay/republish", body);
    }

    @Test
    void shouldRepublishAnOrdersStreamByteForByteAsTheRelayPublishedIt() {
        register(customerId);
        String orderId = "o-" + suffix;
        order(orderId);
        assertAccepted(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"5.00\",\"refundId\":\"r-1\"}"));
        List<ConsumerRecord<String, byte[]>> relayed = publishedFor(customerId, 3);

        TestHttp.Answer response = republish("{\"aggregate\":\"order:" + orderId + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("published").asInt()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> all = publishedFor(customerId, 5);
        assertThat(all.subList(3, 5))
                .extracting(ConsumerRecord::value)
                .containsExactly(relayed.get(1).value(), relayed.get(2).value());
        assertThat(decoded(all.subList(3, 5)))
                .extracting(EventEnvelope::type, EventEnvelope::aggregateSequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order.placed", 0L),
                        org.assertj.core.groups.Tuple.tuple("order.refunded", 1L));
        assertThat(new String(all.get(3).headers().lastHeader("content-type").value()))
                .isEqualTo(CloudEventCodec.CONTENT_TYPE);
    }

    @Test
    void shouldPublishAnEventTheRelayMissedBecauseItBecameVisibleAfterTheLookBack() {
        register(customerId);
        EventEnvelope registered = decoded(publishedFor(customerId, 1)).get(0);
        String lateId = UUID.randomUUID().toString();
        Instant stampedEarlier = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        CustomerDetailsChanged late =
                new CustomerDetailsChanged(customerId, "Ada K", "ada@example.com", null, null, stampedEarlier);
        // An append stamped a minute ago that becomes visible only now: a write stalled for longer than the look-back.
        storageEngine.appendEvents(new GenericDomainEventMessage<>(
                "Customer", "customer:" + customerId, 1, late, Map.of(), lateId, stampedEarlier));
        String later = "c-later-" + suffix;
        register(later);
        publishedFor(later, 1);

        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> topic.poll().stream()
                                .filter(record -> customerId.equals(record.key()))
                                .count()
                        == 1);

        TestHttp.Answer response = republish("{\"aggregate\":\"customer:" + customerId + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("published").asInt()).isEqualTo(2);
        List<EventEnvelope> events = decoded(publishedFor(customerId, 3));
        assertThat(events.get(1)).isEqualTo(registered);
        EventEnvelope missed = events.get(2);
        assertThat(missed.id()).isEqualTo(lateId);
        assertThat(missed.aggregateSequence()).isEqualTo(1);
        assertThat(missed.time()).isEqualTo(stampedEarlier);
        assertThat(missed.type()).isEqualTo("customer.details-changed");
        assertThat(missed.event()).isEqualTo(late);
    }

    @Test
    void shouldRepublishEveryEventStoredInATimeRange() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        register(customerId);
        assertAccepted(http.send("PATCH", "/api/customers/" + customerId, "{\"name\":\"Ada K\"}"));
        List<ConsumerRecord<String, byte[]>> relayed = publishedFor(customerId, 2);
        Instant to = Instant.now().plusMillis(1);

        TestHttp.Answer response = republish("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(from, to));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("published").asInt()).isEqualTo(2);
        assertThat(publishedFor(customerId, 4).subList(2, 4))
                .extracting(ConsumerRecord::value)
                .containsExactly(relayed.get(0).value(), relayed.get(1).value());
    }

    @Test
    void shouldPublishNothingForAStreamThatDoesNotExist() {
        TestHttp.Answer response = republish("{\"aggregate\":\"order:never-" + suffix + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("published").asInt()).isZero();
    }

    @Test
    void cannotRepublishARangeOfMoreEventsThanTheBound() {
        register(customerId);
        for (int i = 0; i <= REPUBLISH_MAX_EVENTS; i++) {
            assertAccepted(http.send("PATCH", "/api/customers/" + customerId, "{\"name\":\"Ada " + i + "\"}"));
        }

        TestHttp.Answer response = republish("{\"from\":\"2000-01-01T00:00:00Z\",\"to\":\"%s\"}"
                .formatted(Instant.now().plusSeconds(1)));

        assertProblem(response, 422, "to");
    }

    @Test
    void cannotRepublishWithoutSayingWhatExactly() {
        assertProblem(republish("{}"), 400, "body");
        assertProblem(republish("{\"aggregate\":\"invoice:1\"}"), 400, "aggregate");
        assertProblem(republish("{\"aggregate\":\"order:bad id\"}"), 400, "aggregate");
        assertProblem(republish("{\"aggregate\":\"order:o-1\",\"from\":\"2026-01-01T00:00:00Z\"}"), 400, "body");
        assertProblem(republish("{\"from\":\"2026-01-01T00:00:00Z\"}"), 400, "to");
        assertProblem(republish("{\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}"), 400, "to");
        assertProblem(republish("{\"from\":\"yesterday\",\"to\":\"2026-01-01T00:00:00Z\"}"), 400, "from");
        assertProblem(republish("{\"aggregat\":\"order:o-1\"}"), 400, "aggregat");
        assertProblem(republish("not json"), 400, "body");
    }
}
