package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an operator scrapes and probes: Prometheus metrics for administrators, health for anyone. */
class OperationsIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();

    @Test
    void shouldExposeTheReadSidesFiguresToPrometheus() {
        String customer = "c-ops-" + UUID.randomUUID();
        service.publisher()
                .awaitConsumed(service.publisher().publish(List.of(new EventHistory().registered(customer, null))));
        service.http("viewer").get("/api/customers/" + customer);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestHttp.Answer scrape = service.http("admin").get("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body())
                    .contains("customer360_projection_events_total")
                    .contains("customer360_dead_letters_held_customers")
                    .contains("customer360_live_subscribers")
                    .contains("http_server_requests_seconds_count{")
                    .containsPattern("customer360_projection_lag_events\\{partition=\"\\d+\",topic=\"[^\"]+\"} 0\\.0");
        });
        assertThat(service.http("viewer").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(service.http(null).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void shouldAnswerTheProbesWithoutCredentials() {
        TestHttp.Answer readiness = service.http(null).get("/actuator/health/readiness");
        TestHttp.Answer liveness = service.http(null).get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
    }
}
