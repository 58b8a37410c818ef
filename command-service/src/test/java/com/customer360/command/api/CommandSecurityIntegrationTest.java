package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.testing.EndpointRulesWalk;
import com.customer360.testing.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Who may send commands: every endpoint of the command API's OpenAPI document answers each role exactly as its rule
 * says; a page of another site cannot make a browser send a command, not even a bodyless one; one client cannot
 * flood the service; every recorded fact names its sender.
 */
class CommandSecurityIntegrationTest extends RunningCommandService {

    private final String customerId = "c-security-" + UUID.randomUUID();

    @Test
    void shouldAnswerEveryEndpointExactlyAsItsRuleSays() {
        StandaloneCommandService service = service();
        EndpointRulesWalk.Outcome outcome = new EndpointRulesWalk(
                        service::http,
                        service.context(),
                        Map.of(
                                "customerId",
                                "c-nobody-" + UUID.randomUUID(),
                                "orderId",
                                "o-nobody-" + UUID.randomUUID()))
                .walk();
        System.out.printf(
                "command endpoint rules: %d operations checked with no credentials, a wrong password and 4 roles%n",
                outcome.operations());
        assertThat(outcome.operations()).isGreaterThanOrEqualTo(12);
        assertThat(outcome.wrong()).isEmpty();
    }

    @Test
    void shouldRefuseCommandsABrowserSendsForAnotherSite() {
        assertAccepted(service().http("writer").post("/api/customers", customer()));
        String orderId = customerId + "-o";
        assertAccepted(service().http("writer").post("/api/orders", order(orderId)));

        TestHttp.Answer fromElsewhere = service()
                .http("writer")
                .sendAs("POST", "/api/orders/" + orderId + "/cancel", null, null, "Origin", "https://shop.example");
        TestHttp.Answer fetchedCrossSite = service()
                .http("writer")
                .sendAs("POST", "/api/orders/" + orderId + "/place", null, null, "Sec-Fetch-Site", "cross-site");
        TestHttp.Answer opaque = service()
                .http("writer")
                .sendAs("POST", "/api/orders/" + orderId + "/cancel", null, null, "Origin", "null");

        for (TestHttp.Answer refused : List.of(fromElsewhere, fetchedCrossSite, opaque)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("title").asText()).isEqualTo("Cross-site request refused");
        }
        assertThat(eventsOf("order:" + orderId))
                .as("the draft, and nothing the other site asked for")
                .hasSize(1);
        TestHttp.Answer sameSite = service()
                .http("writer")
                .sendAs(
                        "POST",
                        "/api/orders/" + orderId + "/place",
                        null,
                        null,
                        "Origin",
                        service().http().base().toString().replaceAll("/$", ""));
        assertAccepted(sameSite);
        assertThat(eventsOf("order:" + orderId)).hasSize(2);
    }

    private List<? extends DomainEventMessage<?>> eventsOf(String aggregateId) {
        return service()
                .bean(EventStorageEngine.class)
                .readEvents(aggregateId)
                .asStream()
                .toList();
    }

    @Test
    void shouldRecordTheSenderWithEveryFact() {
        assertAccepted(
                service().http("writer").post("/api/customers", customer(), "Idempotency-Key", "k-" + customerId));
        assertAccepted(service()
                .http("admin")
                .sendAs(
                        "PATCH",
                        "/api/customers/" + customerId,
                        "application/merge-patch+json",
                        "{\"name\":\"Ada King\"}"));

        List<String> senders = eventsOf("customer:" + customerId).stream()
                .map(DomainEventMessage::getMetaData)
                .map(metaData -> String.valueOf(metaData.get(RequestMetaData.SENT_BY)))
                .toList();
        assertThat(senders).containsExactly("http:writer", "http:admin");
    }

    @Test
    void shouldKeepOneClientsIdempotencyKeysApartFromAnothers() {
        String key = "shared-key-" + customerId;
        assertAccepted(service().http("writer").post("/api/customers", customer()));
        assertAccepted(rename("writer", key, "Ada King"));

        // The same key with other content is a mistake of the client that used it...
        TestHttp.Answer reused = rename("writer", key, "Ada Byron");
        // ...and a request of its own from another client, carried out, not taken for the first one's retry.
        TestHttp.Answer elsewhere = rename("admin", key, "Ada Byron");

        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertAccepted(elsewhere);
        assertThat(eventsOf("customer:" + customerId)).hasSize(3);
    }

    private TestHttp.Answer rename(String role, String key, String name) {
        return service()
                .http(role)
                .sendAs(
                        "PATCH",
                        "/api/customers/" + customerId,
                        "application/merge-patch+json",
                        "{\"name\":\"" + name + "\"}",
                        "Idempotency-Key",
                        key);
    }

    @Test
    void shouldKeepWhoRePublishedAndWhoReDroveInTheAuditTrail() {
        assertAccepted(service().http("writer").post("/api/customers", customer()));
        assertAccepted(service()
                .http("admin")
                .post("/api/admin/relay/republish", "{\"aggregate\":\"customer:" + customerId + "\"}"));
        assertAccepted(service().http("admin").post("/api/admin/inbound/dead-letters/redrive", null));

        TestHttp.Answer trail = service().http("admin").get("/api/admin/audit?size=2");
        assertThat(trail.json().get("items").findValuesAsText("action"))
                .containsExactly("inbound.dead-letters.redrive", "relay.republish");
        assertThat(trail.json().get("items").get(1).get("subject").asText()).isEqualTo("customer:" + customerId);
        assertThat(trail.json()
                        .get("items")
                        .get(1)
                        .get("details")
                        .get("published")
                        .asText())
                .isEqualTo("1");
        assertThat(trail.json().get("items").findValuesAsText("actor")).containsOnly("admin");
        assertThat(service().http("writer").get("/api/admin/audit").status()).isEqualTo(403);
        TestHttp.Answer tooLarge = service().http("admin").get("/api/admin/audit?size=501");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").findValuesAsText("field")).containsExactly("size");
    }

    @Test
    void shouldExposeTheCommandSidesFiguresToPrometheusForAdministrators() {
        TestHttp.Answer scrape = service().http("admin").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("customer360_inbound_waiting", "http_server_requests_seconds_count{");
        assertThat(service().http("writer").get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(service().http(null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void shouldLimitTheRequestsOfOneClient() {
        try (StandaloneCommandService limited =
                StandaloneCommandService.start("rate-limited", Map.of("customer360.security.rate-limit", "5"))) {
            TestHttp writer = limited.http("writer");
            TestHttp.Answer last = null;
            int accepted = 0;
            for (int i = 0; i < 200 && (last == null || last.status() != 429); i++) {
                last = writer.get("/api/orders/o-nobody/never");
                accepted += last.status() == 429 ? 0 : 1;
            }
            assertThat(last.status()).isEqualTo(429);
            // A burst of twice the rate, and what refilled while the requests were sent.
            assertThat(accepted).isGreaterThanOrEqualTo(10);
            assertThat(last.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(last.header("Retry-After").orElseThrow()))
                    .isBetween(1, 2);
            // Another client has a bucket of its own.
            assertThat(limited.http("admin").get("/api/admin/inbound/waiting").status())
                    .isEqualTo(200);
        }
    }

    private String customer() {
        return """
                {"customerId":"%s","name":"Ada Lovelace","email":"ada@example.com"}
                """
                .formatted(customerId);
    }

    private String order(String orderId) {
        return """
                {"orderId":"%s","customerId":"%s","storeId":"store-1","currency":"EUR","draft":true,
                 "lines":[{"sku":"TEA","name":"Tea","quantity":1,"unitPrice":"2.50"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """
                .formatted(orderId, customerId);
    }
}
