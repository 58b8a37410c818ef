package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The listener, the holds and the re-drive with exact batches: the service's own listener is handed records directly
 * (nothing is published to its topic), so each test decides what arrives in which batch and what happens during a
 * re-drive, and reads the outcome through the API as an operator would.
 */
class DeadLetterRedriveIntegrationTest {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final EventHistory history = new EventHistory();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "redrive-" + run;
    private final String c1 = "c1-" + run;
    private final String o1 = "o1-" + run;
    private StandaloneQueryService service;
    private CustomerOrderEventsListener listener;
    private UpcastingEventReader reader;
    private TestHttp http;
    private long nextOffset;

    @BeforeEach
    void start() {
        service = StandaloneQueryService.start(topic, Map.of(), Wiring.class);
        listener = service.bean(CustomerOrderEventsListener.class);
        reader = service.bean(UpcastingEventReader.class);
        http = service.http();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void shouldApplyAHeldCustomersDeadLettersOnceTheFixIsDeployedAndReleaseThem() {
        EventEnvelope registered = history.registered(c1, null);
        EventEnvelope placed = history.placed(o1, c1, "USD", "10.00", "2026-01-01");
        EventEnvelope shipped = history.shipped(o1, c1, "2026-01-02");
        EventEnvelope refunded = history.refunded(o1, c1, "USD", "1.00");
        String c2 = "c2-" + run;
        listener.onBatch(
                List.of(event(registered), revision2(placed), event(shipped), event(history.registered(c2, null))));
        listener.onBatch(List.of(event(refunded)));

        assertThat(http.get("/api/customers/" + c1).json().path("summaries")).isEmpty();
        assertThat(http.get("/api/orders/" + o1).status()).isEqualTo(404);
        assertThat(http.get("/api/customers/" + c2).status()).isEqualTo(200);

        reader.deployTheFix();
        JsonNode report = http.post("/api/admin/dead-letters/redrive", null).json();

        assertThat(report.path("applied").asInt()).isEqualTo(3);
        assertThat(report.path("customersReleased").asInt()).isEqualTo(1);
        JsonNode order = http.get("/api/orders/" + o1).json();
        assertThat(order.path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(order.path("refundedTotal").asText()).isEqualTo("1.00");
        assertThat(http.get("/api/customers/" + c1)
                        .json()
                        .path("summaries")
                        .path(0)
                        .path("lifetimeValue")
                        .asText())
                .isEqualTo("9.00");
        assertThat(deadLetters(c1)).isEmpty();
    }

    @Test
    void shouldApplyWhatItCanAndKeepACustomerHeldBehindADeadLetterThatStillCannotBeRead() {
        ConsumerRecord<String, byte[]> garbage = raw(c1, "not json");
        listener.onBatch(List.of(
                event(history.registered(c1, null)),
                revision2(history.placed(o1, c1, "USD", "10.00", "2026-01-01")),
                garbage,
                event(history.shipped(o1, c1, "2026-01-02"))));
        reader.deployTheFix();

        JsonNode redriven = http.post("/api/admin/dead-letters/redrive?customerId=" + c1, null)
                .json()
                .path("customers")
                .path(0);

        assertThat(redriven.path("applied").asInt()).isEqualTo(2);
        assertThat(redriven.path("stillDeadLettered").asInt()).isEqualTo(1);
        assertThat(redriven.path("released").asBoolean()).isFalse();
        assertThat(redriven.path("blockedBy").path("id").asText()).isEqualTo(DeadLetter.idOf(garbage));
        assertThat(redriven.path("blockedBy").path("reasonCode").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(http.get("/api/orders/" + o1).json().path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(deadLetters(c1))
                .extracting(item -> item.path("reasonCode").asText())
                .containsExactly("MALFORMED_JSON");
    }

    @Test
    void shouldReleaseTheCustomerWhenAnOperatorDeletesTheirLastDeadLetter() {
        ConsumerRecord<String, byte[]> garbage = raw(c1, "not json");
        listener.onBatch(List.of(garbage));

        JsonNode deleted = http.delete("/api/admin/dead-letters/" + DeadLetter.idOf(garbage) + "?reason=producer%20bug")
                .json();
        listener.onBatch(List.of(event(history.registered(c1, null))));

        assertThat(deleted.path("released").asBoolean()).isTrue();
        assertThat(http.get("/api/customers/" + c1).status()).isEqualTo(200);
    }

    @Test
    void shouldApplyTheRestOnceAnOperatorDeletesTheDeadLetterThatCanNeverBeRead() {
        ConsumerRecord<String, byte[]> garbage = raw(c1, "not json");
        listener.onBatch(List.of(garbage, event(history.registered(c1, null))));

        JsonNode deleted = http.delete("/api/admin/dead-letters/" + DeadLetter.idOf(garbage) + "?reason=not%20ours")
                .json();
        JsonNode report = http.post("/api/admin/dead-letters/redrive?customerId=" + c1, null)
                .json();

        assertThat(deleted.path("released").asBoolean()).isFalse();
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(report.path("customersReleased").asInt()).isEqualTo(1);
        assertThat(http.get("/api/customers/" + c1).status()).isEqualTo(200);
    }

    @Test
    void shouldApplyInOrderADeadLetterThatArrivesWhileTheRedriveRuns() {
        EventEnvelope placed = history.placed(o1, c1, "USD", "10.00", "2026-01-01");
        EventEnvelope shipped = history.shipped(o1, c1, "2026-01-02");
        listener.onBatch(List.of(event(history.registered(c1, null)), revision2(placed)));
        reader.deployTheFix();
        service.bean(Interference.class).duringNextProjection(() -> listener.onBatch(List.of(event(shipped))));

        JsonNode report = http.post("/api/admin/dead-letters/redrive?customerId=" + c1, null)
                .json();

        assertThat(report.path("applied").asInt()).isEqualTo(2);
        assertThat(report.path("customersReleased").asInt()).isEqualTo(1);
        assertThat(http.get("/api/orders/" + o1).json().path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(deadLetters(c1)).isEmpty();
    }

    @Test
    void shouldNeitherDuplicateDeadLettersNorApplyHeldEventsWhenABatchIsRedelivered() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                event(history.registered(c1, null)),
                raw(c1, "not json"),
                event(history.placed(o1, c1, "USD", "1.00", "2026-01-01")));

        listener.onBatch(batch);
        listener.onBatch(batch);

        assertThat(http.get("/api/orders/" + o1).status()).isEqualTo(404);
        // The redelivery found the customer held, so even the event before the garbage waits now; it is already
        // applied, which the re-drive will see.
        assertThat(deadLetters(c1))
                .extracting(item -> item.path("id").asText(), item -> item.path("reasonCode")
                        .asText())
                .containsExactly(
                        tuple(topic + "-0-0", DeadLetter.HELD_BEHIND_DEAD_LETTER),
                        tuple(topic + "-0-1", "MALFORMED_JSON"),
                        tuple(topic + "-0-2", DeadLetter.HELD_BEHIND_DEAD_LETTER));
    }

    private List<JsonNode> deadLetters(String customerId) {
        List<JsonNode> items = new ArrayList<>();
        http.get("/api/admin/dead-letters?size=100&customerId=" + customerId)
                .json()
                .path("items")
                .forEach(items::add);
        return items;
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
        return new ConsumerRecord<>(topic, 0, nextOffset++, key, value);
    }

    /** Lets a test act while a projection is between its customer and its order writes, once. */
    static final class Interference implements ProjectionCheckpoints {
        private final AtomicReference<Runnable> next = new AtomicReference<>();

        void duringNextProjection(Runnable action) {
            next.set(action);
        }

        @Override
        public void customersWritten(List<EventEnvelope> events) {
            Runnable action = next.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        @Primary
        UpcastingEventReader upcastingEventReader(CloudEventCodec codec) {
            return new UpcastingEventReader(codec, false);
        }

        @Bean
        Interference interference() {
            return new Interference();
        }
    }
}
