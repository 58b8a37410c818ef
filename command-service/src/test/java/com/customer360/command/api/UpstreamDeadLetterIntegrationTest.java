package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.DeadLetterHeaders;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the inbound topic cannot carry out goes to its dead-letter topic with the reason, and the rest goes on. */
class UpstreamDeadLetterIntegrationTest extends UpstreamTopicTests {

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
