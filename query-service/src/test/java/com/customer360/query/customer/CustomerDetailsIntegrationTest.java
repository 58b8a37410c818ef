package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class CustomerDetailsIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final String customerId = "c-" + UUID.randomUUID();

    @BeforeEach
    void publishTheDesignScenario() {
        service.publisher().publish(DesignScenario.events(new EventHistory(), customerId));
    }

    @Test
    void shouldServeTheDesignFiguresOfACustomer() {
        awaitJson(
                "/api/customers/" + customerId,
                """
                {
                  "customerId": "%s",
                  "name": "Ada Lovelace",
                  "email": "ada@example.com",
                  "phone": "+44 20 7946 0000",
                  "defaultShippingAddress": {"line1": "1 Home Road", "city": "London", "country": "GB"},
                  "latestShippingAddress": {"name": "Ada Lovelace", "line1": "4 Euro Street", "line2": null,
                                            "city": "London", "region": null, "postalCode": "SW1Y 4JH",
                                            "country": "GB"},
                  "summaries": [
                    {"currency": "EUR", "orderCount": 1, "lifetimeValue": "45.50", "averageOrderValue": "45.50",
                     "refundedTotal": "0.00"},
                    {"currency": "USD", "orderCount": 2, "lifetimeValue": "50.05", "averageOrderValue": "25.02",
                     "refundedTotal": "150.00"}
                  ],
                  "firstOrderAt": "2026-01-10T00:00:00Z",
                  "lastOrderAt": "2026-02-15T00:00:00Z"
                }
                """
                        .formatted(customerId));
    }

    @Test
    void shouldServeTheOrderHistoryNewestFirstPageByPage() {
        awaitJson(
                "/api/customers/" + customerId + "/orders?page=0&size=2",
                """
                {
                  "items": [
                    {"orderId": "%1$s-o-5", "storeId": "store-1", "orderDate": "2026-03-05T00:00:00Z",
                     "amount": "19.99", "currency": "EUR", "status": "DRAFT"},
                    {"orderId": "%1$s-o-3", "storeId": "store-1", "orderDate": "2026-03-01T00:00:00Z",
                     "amount": "50.00", "currency": "USD", "status": "CANCELLED"}
                  ],
                  "page": 0, "size": 2, "totalItems": 5, "hasPrevious": false, "hasNext": true,
                  "previousCursor": null
                }
                """
                        .formatted(customerId));
    }

    @Test
    void shouldServeTheLastPageOfTheOrderHistory() {
        awaitJson(
                "/api/customers/" + customerId + "/orders?page=2&size=2",
                """
                {
                  "items": [{"orderId": "%1$s-o-1", "amount": "120.00", "status": "RETURNED"}],
                  "page": 2, "size": 2, "totalItems": 5, "hasPrevious": true, "hasNext": false, "nextCursor": null
                }
                """
                        .formatted(customerId));
    }

    @Test
    void shouldWalkTheOrderHistoryByCursorBothWays() {
        awaitJson("/api/customers/" + customerId + "/orders?size=5", "{\"totalItems\": 5}");
        List<String> forth = new ArrayList<>();
        JsonNode page = service.http()
                .get("/api/customers/" + customerId + "/orders?size=2")
                .json();
        List<String> cursors = new ArrayList<>();
        while (true) {
            page.path("items").forEach(item -> forth.add(item.path("orderId").asText()));
            if (!page.path("hasNext").asBoolean()) {
                break;
            }
            cursors.add(page.path("nextCursor").asText());
            page = service.http()
                    .get("/api/customers/" + customerId + "/orders?size=2&cursor=" + cursors.get(cursors.size() - 1))
                    .json();
            assertThat(page.path("page").isNull()).isTrue();
        }
        List<String> back = new ArrayList<>();
        page.path("items").forEach(item -> back.add(0, item.path("orderId").asText()));
        while (page.path("hasPrevious").asBoolean()) {
            page = service.http()
                    .get("/api/customers/" + customerId + "/orders?size=2&cursor="
                            + page.path("previousCursor").asText())
                    .json();
            List<String> items = new ArrayList<>();
            page.path("items").forEach(item -> items.add(item.path("orderId").asText()));
            back.addAll(0, items);
        }

        assertThat(forth)
                .containsExactly(
                        customerId + "-o-5",
                        customerId + "-o-3",
                        customerId + "-o-4",
                        customerId + "-o-2",
                        customerId + "-o-1");
        assertThat(back).isEqualTo(forth);
    }

    @Test
    void shouldFilterTheOrderHistoryByStatus() {
        awaitJson(
                "/api/customers/" + customerId + "/orders?status=CANCELLED",
                """
                {
                  "items": [{"orderId": "%1$s-o-3", "status": "CANCELLED"}],
                  "page": 0, "size": 20, "totalItems": 1, "hasPrevious": false, "hasNext": false
                }
                """
                        .formatted(customerId));
    }

    private void awaitJson(String path, String expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TestHttp.Answer answer = service.http().get(path);
            assertThat(answer.status()).isEqualTo(200);
            JSONAssert.assertEquals(expected, answer.body(), JSONCompareMode.STRICT_ORDER);
        });
    }
}
