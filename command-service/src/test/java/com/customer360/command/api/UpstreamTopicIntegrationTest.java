package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.DeadLetterHeaders;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream systems publish CloudEvents to the inbound topic; each becomes the same command as over HTTP. */
class UpstreamTopicIntegrationTest {

    private static StandaloneCommandService service;

    @BeforeAll
    static void start() {
        service = StandaloneCommandService.start(
                "upstream-topic",
                Map.of("customer360.inbound.max-wait", "4s", "customer360.inbound.retry-interval", "200ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private final ObjectMapper json = new ObjectMapper();
    private final CloudEventCodec codec = new CloudEventCodec();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private KafkaProducer<String, byte[]> producer;
    private TopicReader events;
    private TopicReader deadLetters;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        StandaloneCommandService.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        "50"),
                new StringSerializer(),
                new ByteArraySerializer());
        events = service.events();
        deadLetters = new TopicReader(StandaloneCommandService.bootstrapServers(), inbound() + ".dlq");
    }

    @AfterEach
    void tearDown() {
        producer.close();
        events.close();
        deadLetters.close();
    }

    /** An example message from the contract, with this test's own ids so tests don't see each other's data. */
    private ObjectNode message(String type) {
        try (InputStream in = getClass().getResourceAsStream("/examples/upstream/" + type + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("pos-c-42", "pos-c-" + suffix)
                    .replace("pos-o-", "pos-o-" + suffix + "-")
                    .replace("pos-r-", "pos-r-" + suffix + "-")
                    .replace("\"pos-msg-", "\"pos-msg-" + suffix + "-");
            return (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String inbound() {
        return service.inboundTopic();
    }

    private String customerId() {
        return "pos-c-" + suffix;
    }

    private void publish(ObjectNode message) {
        publish(message.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void publish(byte[] value) {
        producer.send(new ProducerRecord<>(inbound(), customerId(), value));
        producer.flush();
    }

    /** Sent in one request, so that the listener reads them in one batch. */
    private void publishTogether(ObjectNode... messages) {
        for (ObjectNode message : messages) {
            producer.send(new ProducerRecord<>(
                    inbound(), customerId(), message.toString().getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private ObjectNode addressChange(String orderId, String line1, String id) {
        ObjectNode change = message("order.shipping-address-changed").put("id", id + "-" + suffix);
        ((ObjectNode) change.get("data")).put("orderId", orderId).put("line1", line1);
        return change;
    }

    private ObjectNode emailChange(String email, String id) {
        ObjectNode change = message("customer.updated").put("id", id + "-" + suffix);
        ((ObjectNode) change.get("data")).put("email", email);
        return change;
    }

    private List<EventEnvelope> published(int atLeast) {
        List<EventEnvelope> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            mine.clear();
            for (ConsumerRecord<String, byte[]> record : events.poll()) {
                if (customerId().equals(record.key())) {
                    mine.add(codec.decode(record.value()));
                }
            }
            assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return mine;
    }

    /** The order's shipping address as its events, in their sequence, leave it. */
    private static String line1Of(List<EventEnvelope> events, String orderId) {
        String line1 = null;
        for (EventEnvelope envelope : events) {
            if (envelope.event() instanceof OrderPlaced placed
                    && placed.orderId().equals(orderId)) {
                line1 = placed.shippingAddress().line1();
            } else if (envelope.event() instanceof OrderShippingAddressChanged changed
                    && changed.orderId().equals(orderId)) {
                line1 = changed.shippingAddress().line1();
            }
        }
        return line1;
    }

    /** The customer's email as the events, in their sequence, leave it. */
    private static String emailOf(List<EventEnvelope> events) {
        String email = null;
        for (EventEnvelope envelope : events) {
            if (envelope.event() instanceof CustomerRegistered registered) {
                email = registered.email();
            } else if (envelope.event() instanceof CustomerDetailsChanged changed) {
                email = changed.email();
            }
        }
        return email;
    }

    private List<String> eventTypes(int atLeast) {
        List<String> types = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            types.clear();
            for (ConsumerRecord<String, byte[]> record : events.poll()) {
                if (customerId().equals(record.key())) {
                    EventEnvelope envelope = codec.decode(record.value());
                    types.add(envelope.type());
                }
            }
            assertThat(types).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return types;
    }

    private List<ConsumerRecord<String, byte[]>> deadLettered(int atLeast) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            mine.clear();
            deadLetters.poll().stream()
                    .filter(record -> customerId().equals(record.key()))
                    .forEach(mine::add);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return mine;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCarryOutEveryKindOfMessageLikeTheHttpApi() {
        for (String type : List.of(
                "customer.registered",
                "customer.updated",
                "order.drafted",
                "order.placed",
                "order.shipping-address-changed",
                "order.shipment-updated")) {
            publish(message(type));
        }
        ObjectNode delivered = message("order.shipment-updated");
        delivered.put("id", "delivered-" + suffix);
        ((ObjectNode) delivered.get("data")).put("status", "DELIVERED");
        publish(delivered);
        for (String type : List.of("order.cancelled", "order.refunded", "order.returned")) {
            publish(message(type));
        }

        assertThat(eventTypes(10))
                .containsExactly(
                        "customer.registered",
                        "customer.details-changed",
                        "order.drafted",
                        "order.placed",
                        "order.shipping-address-changed",
                        "order.shipment-updated",
                        "order.shipment-updated",
                        "order.cancelled",
                        "order.refunded",
                        "order.returned");
    }

    @Test
    void shouldCarryOutARepeatedMessageOnlyOnce() {
        publish(message("customer.registered"));
        publish(message("order.placed"));
        publish(message("order.refunded"));
        publish(message("order.refunded"));
        publish(message("order.cancelled")
                .put("type", "customer.updated")
                .set("data", message("customer.updated").get("data")));

        assertThat(eventTypes(4))
                .containsExactly("customer.registered", "order.placed", "order.refunded", "customer.details-changed");
    }

    @Test
    void shouldAcceptADraftSentAsPlacedAgainUnderANewId() {
        publish(message("customer.registered"));
        ObjectNode drafted = message("order.drafted");
        publish(drafted);
        ObjectNode placed = drafted.deepCopy().put("type", "order.placed").put("id", "placed-" + suffix);
        publish(placed);
        publish(placed.deepCopy().put("id", "placed-again-" + suffix));
        ObjectNode cancelled = message("order.cancelled");
        ((ObjectNode) cancelled.get("data"))
                .put("orderId", drafted.get("data").get("orderId").asText());
        publish(cancelled);

        assertThat(eventTypes(4))
                .containsExactly("customer.registered", "order.drafted", "order.placed", "order.cancelled");
        assertThat(deadLetters.poll()).noneMatch(record -> customerId().equals(record.key()));
    }

    @Test
    void shouldReadBinaryModeMessages() {
        publish(message("customer.registered"));
        ProducerRecord<String, byte[]> binary = new ProducerRecord<>(
                inbound(),
                customerId(),
                message("order.placed").get("data").toString().getBytes(StandardCharsets.UTF_8));
        binary.headers()
                .add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_id", ("binary-" + suffix).getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_source", "urn:example:erp".getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_type", "order.placed".getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
        producer.send(binary);
        producer.flush();

        assertThat(eventTypes(2)).containsExactly("customer.registered", "order.placed");
    }

    @Test
    void shouldKeepAnOrderThatArrivesBeforeItsCustomerUntilTheCustomerArrives() {
        publish(message("order.placed"));
        publish(message("order.shipment-updated"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.http()
                                .get("/api/admin/inbound/waiting")
                                .json()
                                .get("waiting")
                                .asInt()
                        >= 2);

        publish(message("customer.registered"));

        assertThat(eventTypes(3)).containsExactly("customer.registered", "order.placed", "order.shipment-updated");
    }

    @Test
    void shouldCarryOutAnAddressChangeThatWaitedForItsOrderBeforeALaterOne() {
        publish(message("customer.registered"));
        ObjectNode placed = message("order.placed");
        String orderId = placed.get("data").get("orderId").asText();
        ((ObjectNode) placed.get("data").get("shippingAddress")).put("line1", "A0");

        publishTogether(addressChange(orderId, "A1", "a1"), placed, addressChange(orderId, "A2", "a2"));

        List<EventEnvelope> events = published(4);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "customer.registered",
                        "order.placed",
                        "order.shipping-address-changed",
                        "order.shipping-address-changed");
        assertThat(line1Of(events, orderId)).isEqualTo("A2");
    }

    @Test
    void shouldKeepAnOrdersMessagesInOrderWhenTheOrderItselfWaitsForItsCustomer() {
        ObjectNode placed = message("order.placed");
        String orderId = placed.get("data").get("orderId").asText();
        ((ObjectNode) placed.get("data").get("shippingAddress")).put("line1", "A0");

        publishTogether(
                addressChange(orderId, "A1", "a1"),
                placed,
                emailChange("later@example.com", "u1"),
                message("customer.registered"),
                addressChange(orderId, "A2", "a2"));

        List<EventEnvelope> events = published(5);
        assertThat(line1Of(events, orderId)).isEqualTo("A2");
        assertThat(emailOf(events)).isEqualTo("later@example.com");
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsSubsequence(
                        "order.placed", "order.shipping-address-changed", "order.shipping-address-changed");
    }

    @Test
    void shouldCarryOutACustomerUpdateThatWaitedForTheRegistrationBeforeALaterOne() {
        publishTogether(
                emailChange("first@example.com", "u1"),
                message("customer.registered"),
                emailChange("second@example.com", "u2"));

        List<EventEnvelope> events = published(3);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly("customer.registered", "customer.details-changed", "customer.details-changed");
        assertThat(emailOf(events)).isEqualTo("second@example.com");
    }

    @Test
    void shouldCarryOutCustomerUpdatesSentBeforeTheRegistrationInTheirOrder() {
        publishTogether(
                emailChange("first@example.com", "u1"),
                emailChange("second@example.com", "u2"),
                message("customer.registered"),
                emailChange("third@example.com", "u3"));

        List<EventEnvelope> events = published(4);
        assertThat(events).extracting(EventEnvelope::type).hasSize(4);
        assertThat(emailOf(events)).isEqualTo("third@example.com");
    }

    @Test
    void shouldDeadLetterWhatCannotBeCarriedOutWithItsReasonAndGoOn() {
        byte[] garbage = "this is not json".getBytes(StandardCharsets.UTF_8);
        publish(garbage);
        publish(message("order.cancelled").put("type", "order.teleported"));
        ObjectNode againstSchema = message("customer.registered");
        ((ObjectNode) againstSchema.get("data")).put("email", "not-an-email");
        publish(againstSchema);
        ObjectNode tooLarge = message("order.cancelled");
        ((ObjectNode) tooLarge.get("data")).put("reason", "x".repeat(300 * 1024));
        publish(tooLarge);
        publish(message("customer.registered"));
        publish(message("order.placed"));
        ObjectNode tooMuch = message("order.refunded");
        ((ObjectNode) tooMuch.get("data")).put("amount", "100.00");
        publish(tooMuch);
        ObjectNode otherCustomer = message("customer.registered");
        ((ObjectNode) otherCustomer.get("data")).put("name", "Someone Else");
        otherCustomer.put("id", "reused-" + suffix);
        publish(otherCustomer);

        List<ConsumerRecord<String, byte[]>> dead = deadLettered(6);
        assertThat(dead)
                .extracting(record -> header(record, DeadLetterHeaders.REASON_CODE))
                .containsExactly(
                        "MALFORMED_JSON", "UNKNOWN_TYPE", "SCHEMA_VIOLATION", "TOO_LARGE", "RULE_BROKEN", "CONFLICT");
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(2), DeadLetterHeaders.REASON)).contains("email");
        assertThat(header(dead.get(4), DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(inbound());
        assertThat(eventTypes(2)).containsExactly("customer.registered", "order.placed");
    }

    @Test
    void shouldDeadLetterAStatusChangeNoLaterFactCanAllowWithoutWaiting() {
        publish(message("customer.registered"));
        ObjectNode placed = message("order.placed");
        publish(placed);
        ObjectNode cancelled = message("order.cancelled");
        ((ObjectNode) cancelled.get("data"))
                .put("orderId", placed.get("data").get("orderId").asText());
        publish(cancelled);
        publish(message("order.returned"));

        ConsumerRecord<String, byte[]> dead = deadLettered(1).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("RULE_BROKEN");
        assertThat(header(dead, DeadLetterHeaders.REASON)).doesNotContain("gave up after waiting");
    }

    @Test
    void shouldDeadLetterAMessageThatWaitedTooLongAndCarryItOutWhenReDriven() {
        publish(message("order.placed"));

        ConsumerRecord<String, byte[]> dead = deadLettered(1).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("gave up after waiting");

        publish(message("customer.registered"));
        assertThat(eventTypes(1)).containsExactly("customer.registered");
        TestHttp.Answer redrive = service.http().post("/api/admin/inbound/dead-letters/redrive", null);

        assertThat(redrive.status()).isEqualTo(200);
        assertThat(redrive.json().get("redriven").asInt()).isPositive();
        assertThat(eventTypes(2)).containsExactly("customer.registered", "order.placed");
    }

    @Test
    void shouldLeaveNothingOfTheRecordsContentInTheDeadLetterHeaders() {
        publish("{\"secret\":\"ada@example.com\"".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = deadLettered(1).get(0);
        assertThat(Arrays.stream(dead.headers().toArray()).map(h -> new String(h.value(), StandardCharsets.UTF_8)))
                .noneMatch(value -> value.contains("ada@example.com"));
    }
}
