package com.customer360.query.order;

import static com.customer360.query.EventHistory.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
class OrderDetailsIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    @Test
    void shouldServeAnOrderWithItsLinesShipmentsAndRefunds() {
        String customerId = "c-" + UUID.randomUUID();
        String orderId = "o-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        new EventPublisher(kafka, admin)
                .publish(List.of(
                        history.drafted(orderId, customerId, "JPY", "1500", "2026-03-01"),
                        history.placed(orderId, customerId, "JPY", "1500", "2026-03-02T10:15:30Z"),
                        history.addressChanged(orderId, customerId, address("9 Moved Lane")),
                        history.shipped(orderId, customerId, "2026-03-03"),
                        history.delivered(orderId, customerId, "2026-03-04"),
                        history.refunded(orderId, customerId, "JPY", "500")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/api/orders/" + orderId, String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(
                    """
                    {
                      "orderId": "%s", "customerId": "%s", "storeId": "store-1", "currency": "JPY",
                      "status": "DELIVERED",
                      "orderDate": "2026-03-02T10:15:30Z", "draftedAt": "2026-03-01T00:00:00Z",
                      "placedAt": "2026-03-02T10:15:30Z", "deliveredAt": "2026-03-04T00:00:00Z",
                      "cancelledAt": null, "cancelReason": null, "returnedAt": null, "returnReason": null,
                      "lines": [{"sku": "SKU-1", "name": "Thing", "quantity": 1, "unitPrice": "1500",
                                 "lineTotal": "1500"}],
                      "total": "1500", "refundedTotal": "500",
                      "shippingAddress": {"line1": "9 Moved Lane"},
                      "shipmentUpdates": [
                        {"status": "IN_TRANSIT", "carrier": "DHL", "at": "2026-03-03T00:00:00Z"},
                        {"status": "DELIVERED", "location": "London", "at": "2026-03-04T00:00:00Z"}
                      ],
                      "refunds": [{"amount": "500", "reason": "damaged", "refundedAt": "2026-06-03T00:00:00Z"}]
                    }
                    """
                            .formatted(orderId, customerId),
                    response.getBody(),
                    JSONCompareMode.STRICT_ORDER);
        });
    }
}
