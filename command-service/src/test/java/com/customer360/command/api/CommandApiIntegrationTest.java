package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.testing.TestHttp;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The command API over HTTP, and the events it records as the relay publishes them, on a service of its own. */
class CommandApiIntegrationTest extends CommandApiTests {

    @Test
    void shouldRegisterACustomerAndPublishItAsACloudEventKeyedByTheCustomer() {
        TestHttp.Answer response = http.post("/api/customers", customer());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("customerId").asText()).isEqualTo(customerId);
        EventEnvelope published = publishedFor(customerId, 1).get(0);
        assertThat(published.type()).isEqualTo("customer.registered");
        assertThat(published.aggregateSequence()).isZero();
        assertThat(((CustomerRegistered) published.event()).email()).isEqualTo("ada@example.com");
    }

    @Test
    void shouldPublishAnOrdersEventsInOrderUnderTheCustomersKey() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();

        assertThat(http.post("/api/orders", order(orderId, "")).status()).isEqualTo(201);
        assertThat(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"5.00\"}")
                        .status())
                .isEqualTo(204);

        List<EventEnvelope> events = publishedFor(customerId, 3);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly("customer.registered", "order.placed", "order.refunded");
        assertThat(events.get(1).aggregateSequence()).isZero();
        assertThat(events.get(2).aggregateSequence()).isEqualTo(1);
        assertThat(((OrderPlaced) events.get(1).event()).total()).isEqualByComparingTo("43.95");
        assertThat(((OrderRefunded) events.get(2).event()).amount()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void shouldAnswerARetriedCreateTheSameWayAndRecordItOnce() {
        TestHttp.Answer first = http.post("/api/customers", customer());
        TestHttp.Answer retry = http.post("/api/customers", customer());

        assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        http.post("/api/orders", order("o-after-" + customerId, ""));
        assertThat(publishedFor(customerId, 2))
                .extracting(EventEnvelope::type)
                .containsExactly("customer.registered", "order.placed");
    }

    @Test
    void shouldAnswerARetriedPlacingOfADraftTheSameWay() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ",\"draft\":true"));

        TestHttp.Answer placing = http.post("/api/orders", order(orderId, ""));
        TestHttp.Answer retry = http.post("/api/orders", order(orderId, ""));

        assertThat(placing.status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(placing.json());
        assertThat(publishedFor(customerId, 3))
                .extracting(EventEnvelope::type)
                .containsExactly("customer.registered", "order.drafted", "order.placed");
    }

    @Test
    void shouldPlaceADraftSentAsPlacedWithTheAddressItWasChangedTo() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ",\"draft\":true"));
        String office =
                "{\"line1\":\"9 Work Rd\",\"city\":\"Shelbyville\",\"postalCode\":\"54321\",\"country\":\"US\"}";
        http.send("PUT", "/api/orders/" + orderId + "/shipping-address", office);
        String placedThere = order(orderId, "")
                .replace(
                        "{\"line1\":\"1 Main St\",\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"US\"}",
                        office);

        TestHttp.Answer placing = http.post("/api/orders", placedThere);
        TestHttp.Answer retry = http.post("/api/orders", placedThere);

        assertThat(placing.status()).as(placing.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(placing.json());
        assertThat(publishedFor(customerId, 4))
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "customer.registered", "order.drafted", "order.shipping-address-changed", "order.placed");
    }

    @Test
    void cannotReuseACustomerIdForOtherDetails() {
        http.post("/api/customers", customer());

        TestHttp.Answer response = http.post(
                "/api/customers",
                "{\"customerId\":\"" + customerId + "\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}");

        assertProblem(response, 409, "customerId");
    }

    @Test
    void shouldGiveARetriedCreateWithoutAnIdTheSameGeneratedId() {
        http.post("/api/customers", customer());
        String body = order("x", "").replace("\"orderId\":\"x\",", "");
        String key = UUID.randomUUID().toString();

        TestHttp.Answer first = http.post("/api/orders", body, "Idempotency-Key", key);
        TestHttp.Answer retry = http.post("/api/orders", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
    }

    @Test
    void shouldCarryOutARetriedRefundOnlyOnce() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ""));
        String key = UUID.randomUUID().toString();

        http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"10.00\"}", "Idempotency-Key", key);
        TestHttp.Answer retry =
                http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"10.00\"}", "Idempotency-Key", key);
        TestHttp.Answer misuse =
                http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"11.00\"}", "Idempotency-Key", key);
        http.post("/api/orders/" + orderId + "/cancel", "{}");

        assertThat(retry.status()).isEqualTo(204);
        assertProblem(misuse, 409, "requestId");
        assertThat(publishedFor(customerId, 4))
                .extracting(EventEnvelope::type)
                .containsExactly("customer.registered", "order.placed", "order.refunded", "order.cancelled");
    }
}
