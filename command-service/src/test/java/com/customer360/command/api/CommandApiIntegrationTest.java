package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.testing.TestHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command API over HTTP, and the events it records as the relay publishes them, on a service of its own. */
class CommandApiIntegrationTest {

    private static StandaloneCommandService service;

    @BeforeAll
    static void start() {
        service = StandaloneCommandService.start("command-api", Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private TestHttp http;
    private TopicReader topic;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final String customerId = "c-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = service.http();
        topic = service.events();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private String customer() {
        return """
                {"customerId":"%s","name":"Ada Lovelace","email":"ada@example.com","phone":"+44 20 7946 0000",
                 "defaultShippingAddress":{"line1":"12 St James's Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}}
                """
                .formatted(customerId);
    }

    private String order(String orderId, String extra) {
        return """
                {"orderId":"%s","customerId":"%s","storeId":"store-london","currency":"USD",
                 "lines":[{"sku":"TEA","name":"Tea","quantity":2,"unitPrice":"12.50"},{"sku":"MUG","name":"Mug","quantity":1,"unitPrice":"18.95"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}%s}
                """
                .formatted(orderId, customerId, extra);
    }

    private List<EventEnvelope> publishedFor(String key, int atLeast) {
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

    @Test
    void shouldNameTheFieldAndTheReasonOfBadInput() {
        http.post("/api/customers", customer());

        assertProblem(http.post("/api/customers", "{\"name\":\"Ada\",\"email\":\"not-an-email\"}"), 400, "email");
        assertProblem(http.post("/api/customers", "{\"email\":\"ada@example.com\"}"), 400, "name");
        assertProblem(
                http.post("/api/customers", "{\"name\":\"A\",\"email\":\"a@b.co\",\"nickname\":\"x\"}"),
                400,
                "nickname");
        assertProblem(http.post("/api/customers", "{\"name\": \"Ada\""), 400, "body");
        assertProblem(http.post("/api/orders", order("o-1", "").replace("\"USD\"", "\"XYZ\"")), 400, "currency");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"quantity\":2", "\"quantity\":0")),
                400,
                "lines[0].quantity");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"12.50\"", "\"12.505\"")),
                400,
                "lines[0].unitPrice");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"12.50\"", "\"twelve\"")),
                400,
                "lines[0].unitPrice");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"US\"", "\"USA\"")),
                400,
                "shippingAddress.country");
        assertProblem(
                http.post("/api/orders", order("o-1", ",\"placedAt\":\"2999-01-01T00:00:00Z\"")), 400, "placedAt");
        assertProblem(http.post("/api/orders", order("o-1", ",\"placedAt\":\"yesterday\"")), 400, "placedAt");
        assertProblem(http.post("/api/orders", order("bad id!", "")), 400, "orderId");
    }

    @Test
    void shouldTakeAmountsSentAsJsonNumbersExactly() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();

        http.post("/api/orders", order(orderId, "").replace("\"12.50\"", "12.5"));

        OrderPlaced placed = (OrderPlaced) publishedFor(customerId, 2).get(1).event();
        assertThat(placed.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(placed.total()).isEqualTo(new BigDecimal("43.95"));
    }

    @Test
    void shouldRejectATotalThatDisagreesWithTheLines() {
        http.post("/api/customers", customer());

        assertProblem(http.post("/api/orders", order("o-" + UUID.randomUUID(), ",\"total\":\"40.00\"")), 422, "total");
    }

    @Test
    void cannotOrderForAnUnknownCustomer() {
        assertProblem(http.post("/api/orders", order("o-" + UUID.randomUUID(), "")), 422, "customerId");
    }

    @Test
    void cannotActOnAnUnknownOrderOrCustomer() {
        assertProblem(http.post("/api/orders/o-missing/cancel", "{}"), 404, "orderId");
        assertProblem(http.send("PATCH", "/api/customers/c-missing", "{\"name\":\"X\"}"), 404, "customerId");
    }

    @Test
    void cannotBreakTheOrderLifecycle() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ""));

        assertProblem(http.post("/api/orders/" + orderId + "/return", null), 422, "status");
        assertProblem(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"50.00\"}"), 422, "amount");
    }

    @Test
    void cannotRefundACancelledDraft() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ",\"draft\":true"));
        http.post("/api/orders/" + orderId + "/cancel", "{}");

        assertProblem(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"5.00\"}"), 422, "status");
    }

    @Test
    void shouldApplyAMergePatchToTheCustomersDetails() {
        http.post("/api/customers", customer());

        TestHttp.Answer response = http.send(
                "PATCH", "/api/customers/" + customerId, "{\"email\":\"ada@new.example.com\",\"phone\":null}");

        assertThat(response.status()).isEqualTo(204);
        CustomerDetailsChanged changed =
                (CustomerDetailsChanged) publishedFor(customerId, 2).get(1).event();
        assertThat(changed.email()).isEqualTo("ada@new.example.com");
        assertThat(changed.phone()).isNull();
        assertThat(changed.name()).isEqualTo("Ada Lovelace");
        assertThat(changed.defaultShippingAddress().city()).isEqualTo("London");
    }

    @Test
    void shouldRefuseABodyAboveTheSizeLimit() {
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"email\":\"a@b.co\"}";

        assertProblem(http.post("/api/customers", huge), 413, "body");
    }

    private static void assertProblem(TestHttp.Answer response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .as(response.body())
                .contains(field);
        assertThat(response.body()).doesNotContain("Exception", "at com.");
    }
}
