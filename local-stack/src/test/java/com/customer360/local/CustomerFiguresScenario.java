package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenario of the domain rules' figures (docs/domain-rules.md), over HTTP, through the real broker and document store: a customer
 * with orders in two currencies — one cancelled, one partly refunded, one returned, one draft — shows exactly the
 * expected figures within a second of the last command. Subclasses supply the running system.
 */
abstract class CustomerFiguresScenario {

    abstract Api api();

    private final String customerId = "c-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private String address(String line1, String city) {
        return """
                {"name":"Ada Lovelace","line1":"%s","city":"%s","postalCode":"10115","country":"DE"}"""
                .formatted(line1, city);
    }

    private String order(String orderId, String currency, String lines, String placedAt, String address) {
        String placed = placedAt == null ? "\"draft\":true" : "\"placedAt\":\"" + placedAt + "\"";
        return """
                {"orderId":"%s","customerId":"%s","storeId":"store-%s","currency":"%s","lines":[%s],
                 "shippingAddress":%s,%s}"""
                .formatted(orderId, customerId, currency.toLowerCase(), currency, lines, address, placed);
    }

    private static String line(String sku, int quantity, String unitPrice) {
        return "{\"sku\":\"%s\",\"name\":\"%s\",\"quantity\":%d,\"unitPrice\":\"%s\"}"
                .formatted(sku, sku, quantity, unitPrice);
    }

    private String daysAgo(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    private String id(String name) {
        return customerId + "-" + name;
    }

    @Test
    void shouldShowExactFiguresForACustomerWithOrdersInEveryState() {
        Api api = api();
        api.command(
                "POST",
                "/api/customers",
                """
                {"customerId":"%s","name":"Ada Lovelace","email":"ada@example.com","phone":"+49 30 1234567",
                 "defaultShippingAddress":%s}"""
                        .formatted(customerId, address("1 Default Way", "Berlin")));
        // USD 43.95, counted
        api.command(
                "POST",
                "/api/orders",
                order(
                        id("usd-1"),
                        "USD",
                        line("TEA", 2, "12.50") + "," + line("MUG", 1, "18.95"),
                        daysAgo(10),
                        address("1 First St", "Berlin")));
        // EUR 46.50, counted, never summed with USD
        api.command(
                "POST",
                "/api/orders",
                order(id("eur-1"), "EUR", line("POT", 3, "15.50"), daysAgo(9), address("2 Euro Pl", "Paris")));
        // USD 100.00, refunded 30.00: counts 70.00
        api.command(
                "POST",
                "/api/orders",
                order(
                        id("usd-refunded"),
                        "USD",
                        line("KETTLE", 1, "100.00"),
                        daysAgo(7),
                        address("4 Refund Rd", "Berlin")));
        api.command("POST", "/api/orders/" + id("usd-refunded") + "/refunds", "{\"amount\":\"30.00\"}");
        // USD 60.00, address changed before shipping, delivered, then returned: still counts 60.00
        api.command(
                "POST",
                "/api/orders",
                order(id("usd-returned"), "USD", line("SCALE", 2, "30.00"), daysAgo(6), address("5 Old Rd", "Berlin")));
        api.command("PUT", "/api/orders/" + id("usd-returned") + "/shipping-address", address("5 New Rd", "Hamburg"));
        api.command(
                "POST",
                "/api/orders/" + id("usd-returned") + "/shipment-updates",
                "{\"status\":\"IN_TRANSIT\",\"carrier\":\"DHL\",\"at\":\"" + daysAgo(5) + "\"}");
        api.command(
                "POST",
                "/api/orders/" + id("usd-returned") + "/shipment-updates",
                "{\"status\":\"DELIVERED\",\"carrier\":\"DHL\",\"at\":\"" + daysAgo(4) + "\"}");
        api.command("POST", "/api/orders/" + id("usd-returned") + "/return", "{\"reason\":\"too big\"}");
        // the most recently placed order, cancelled: not counted, and not the latest shipping address
        api.command(
                "POST",
                "/api/orders",
                order(
                        id("usd-cancelled"),
                        "USD",
                        line("GIFT", 1, "49.50"),
                        daysAgo(1),
                        address("3 Cancel Ct", "Munich")));
        api.command("POST", "/api/orders/" + id("usd-cancelled") + "/cancel", "{\"reason\":\"duplicate\"}");
        // a draft: not counted
        api.command(
                "POST",
                "/api/orders",
                order(id("usd-draft"), "USD", line("TRAY", 1, "24.90"), null, address("6 Draft Dr", "Berlin")));
        long lastCommand = System.nanoTime();

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> assertFigures(api.query("/api/customers/" + customerId)));
        System.out.printf(
                "Figures visible %d ms after the last command%n",
                Duration.ofNanos(System.nanoTime() - lastCommand).toMillis());
    }

    private void assertFigures(JsonNode customer) {
        assertThat(customer).isNotNull();
        assertThat(customer.get("summaries")).hasSize(2);
        JsonNode eur = customer.get("summaries").get(0);
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        assertThat(eur.get("orderCount").asInt()).isEqualTo(1);
        assertThat(eur.get("lifetimeValue").asText()).isEqualTo("46.50");
        assertThat(eur.get("averageOrderValue").asText()).isEqualTo("46.50");
        assertThat(eur.get("refundedTotal").asText()).isEqualTo("0.00");
        JsonNode usd = customer.get("summaries").get(1);
        assertThat(usd.get("currency").asText()).isEqualTo("USD");
        assertThat(usd.get("orderCount").asInt()).isEqualTo(3);
        assertThat(usd.get("lifetimeValue").asText()).isEqualTo("173.95");
        // 173.95 / 3 = 57.98333..., half-even to cents
        assertThat(usd.get("averageOrderValue").asText()).isEqualTo("57.98");
        assertThat(usd.get("refundedTotal").asText()).isEqualTo("30.00");
        assertThat(customer.at("/latestShippingAddress/line1").asText()).isEqualTo("5 New Rd");
        assertThat(customer.at("/defaultShippingAddress/line1").asText()).isEqualTo("1 Default Way");
        assertThat(Instant.parse(customer.get("firstOrderAt").asText())).isEqualTo(daysAgo(10));
        assertThat(Instant.parse(customer.get("lastOrderAt").asText())).isEqualTo(daysAgo(6));
        JsonNode history = api().query("/api/customers/" + customerId + "/orders?page=0&size=20");
        assertThat(history.get("totalItems").asInt()).isEqualTo(6);
        assertThat(history.get("items").findValuesAsText("orderId"))
                .containsExactly(
                        id("usd-draft"),
                        id("usd-cancelled"),
                        id("usd-returned"),
                        id("usd-refunded"),
                        id("eur-1"),
                        id("usd-1"));
        assertThat(history.get("items").findValuesAsText("status"))
                .containsExactly("DRAFT", "CANCELLED", "RETURNED", "PLACED", "PLACED", "PLACED");
        JsonNode refunded = api().query("/api/orders/" + id("usd-refunded"));
        assertThat(refunded.get("total").asText()).isEqualTo("100.00");
        assertThat(refunded.get("refundedTotal").asText()).isEqualTo("30.00");
        assertThat(refunded.get("refunds")).hasSize(1);
        JsonNode returned = api().query("/api/orders/" + id("usd-returned"));
        assertThat(returned.get("shipmentUpdates").findValuesAsText("status"))
                .containsExactly("IN_TRANSIT", "DELIVERED");
        assertThat(returned.get("lines").get(0).get("lineTotal").asText()).isEqualTo("60.00");
    }
}
