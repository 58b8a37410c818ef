package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@EmbeddedInfrastructure
class CustomerDetailsIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    private final String customerId = "c-" + UUID.randomUUID();

    @BeforeEach
    void publishTheDesignScenario() {
        new EventPublisher(kafka, admin).publish(DesignScenario.events(new EventHistory(), customerId));
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
                  "page": 0, "size": 2, "totalItems": 5, "hasPrevious": false, "hasNext": true
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
                  "page": 2, "size": 2, "totalItems": 5, "hasPrevious": true, "hasNext": false
                }
                """
                        .formatted(customerId));
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
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(expected, response.getBody(), JSONCompareMode.STRICT_ORDER);
        });
    }
}
