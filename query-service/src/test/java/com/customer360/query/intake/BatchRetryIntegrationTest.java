package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.InjectedFailures;
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
class BatchRetryIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    @Autowired
    private InjectedFailures failures;

    @Test
    void shouldRetryAFailingBatchUntilItGoesThroughWithoutLosingAnEvent() {
        String customerId = "c-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        failures.failNextBatches(3);

        EventPublisher publisher = new EventPublisher(kafka, admin);
        publisher.awaitConsumed(publisher.publish(List.of(
                history.registered(customerId, null),
                history.placed(customerId + "-o-1", customerId, "EUR", "10.00", "2026-01-01"),
                history.placed(customerId + "-o-2", customerId, "EUR", "20.01", "2026-01-02"))));

        assertThat(failures.failuresLeft()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> response = http.getForEntity("/api/customers/" + customerId, String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(
                    """
                    {"summaries": [{"currency": "EUR", "orderCount": 2, "lifetimeValue": "30.01",
                                    "averageOrderValue": "15.00"}]}
                    """,
                    response.getBody(),
                    JSONCompareMode.LENIENT);
        });
    }
}
