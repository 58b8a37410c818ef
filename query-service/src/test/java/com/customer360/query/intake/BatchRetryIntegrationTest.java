package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.InjectedFailures;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class BatchRetryIntegrationTest {

    @Test
    void shouldRetryAFailingBatchUntilItGoesThroughWithoutLosingOrDoublingAnEvent() {
        StandaloneQueryService service = StandaloneQueryService.shared();
        InjectedFailures failures = service.bean(InjectedFailures.class);
        String customerId = "c-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        failures.failNextBatches(3);

        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(
                                history.registered(customerId, null),
                                history.placed(customerId + "-o-1", customerId, "EUR", "10.00", "2026-01-01"),
                                history.placed(customerId + "-o-2", customerId, "EUR", "20.01", "2026-01-02"))));

        assertThat(failures.failuresLeft()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestHttp.Answer answer = service.http().get("/api/customers/" + customerId);
            assertThat(answer.status()).isEqualTo(200);
            JSONAssert.assertEquals(
                    """
                    {"summaries": [{"currency": "EUR", "orderCount": 2, "lifetimeValue": "30.01",
                                    "averageOrderValue": "15.00"}]}
                    """,
                    answer.body(),
                    JSONCompareMode.LENIENT);
        });
    }
}
