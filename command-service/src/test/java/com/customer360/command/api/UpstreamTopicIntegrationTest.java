package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** Upstream systems publish CloudEvents to the inbound topic; each becomes the same command as over HTTP, in arrival order. */
class UpstreamTopicIntegrationTest extends UpstreamTopicTests {

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
}
