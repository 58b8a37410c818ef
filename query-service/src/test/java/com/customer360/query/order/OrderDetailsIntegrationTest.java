package com.customer360.query.order;

import static com.customer360.query.EventHistory.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class OrderDetailsIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();

    @Test
    void shouldServeAnOrderWithItsLinesShipmentsAndRefunds() {
        String customerId = "c-" + UUID.randomUUID();
        String orderId = "o-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        service.publisher()
                .publish(List.of(
                        history.drafted(orderId, customerId, "JPY", "1500", "2026-03-01"),
                        history.placed(orderId, customerId, "JPY", "1500", "2026-03-02T10:15:30Z"),
                        history.addressChanged(orderId, customerId, address("9 Moved Lane")),
                        history.shipped(orderId, customerId, "2026-03-03"),
                        history.delivered(orderId, customerId, "2026-03-04"),
                        history.refunded(orderId, customerId, "JPY", "500")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TestHttp.Answer answer = service.http().get("/api/orders/" + orderId);
            assertThat(answer.status()).isEqualTo(200);
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
                      "shipmentUpdateCount": 2,
                      "refunds": [{"amount": "500", "reason": "damaged", "refundedAt": "2026-06-03T00:00:00Z"}],
                      "refundCount": 1
                    }
                    """
                            .formatted(orderId, customerId),
                    answer.body(),
                    JSONCompareMode.STRICT_ORDER);
        });
    }
}
