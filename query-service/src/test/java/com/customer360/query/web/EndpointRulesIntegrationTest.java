package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.EndpointRulesWalk;
import com.customer360.testing.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the OpenAPI document, asked with no credentials, a wrong password and each role: the answer is
 * exactly what the endpoint's declared rule says — 401 without (valid) credentials, 403 for a role it does not name,
 * and neither for one it names. Taken from the document, so an endpoint added without a rule fails here too.
 */
class EndpointRulesIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();

    @Test
    void shouldAnswerEveryEndpointExactlyAsItsRuleSays() {
        String customer = "c-rules-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(
                                history.registered(customer, null),
                                history.placed(customer + "-o", customer, "EUR", "1.00", "2026-01-01"))));

        EndpointRulesWalk.Outcome outcome = new EndpointRulesWalk(
                        service::http,
                        service.context(),
                        Map.of(
                                "customerId",
                                customer,
                                "orderId",
                                customer + "-o",
                                "id",
                                "customer-order-events-0-999999",
                                "view",
                                "customer-details",
                                "rebuildId",
                                "rb-00000000-0000",
                                "storeId",
                                "store-1"))
                .walk();
        System.out.printf(
                "endpoint rules: %d operations checked with no credentials, a wrong password and 4 roles%n",
                outcome.operations());
        assertThat(outcome.operations()).isGreaterThanOrEqualTo(10);
        assertThat(outcome.wrong()).isEmpty();
    }

    @Test
    void shouldKeepHealthOpenAndTheRestOfTheActuatorForAdministrators() {
        assertThat(service.http(null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(service.http(null).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(service.http("viewer").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(service.http("admin").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnauthenticatedAndForbiddenAsProblems() {
        TestHttp.Answer anonymous = service.http(null).get("/api/customers");
        TestHttp.Answer writer = service.http("writer").get("/api/customers");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(anonymous.json().path("title").asText()).isEqualTo("Authentication required");
        assertThat(writer.status()).isEqualTo(403);
        assertThat(writer.json().path("title").asText()).isEqualTo("Forbidden");
    }
}
