package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint with the problems it answers, and the API page serves it. */
class ApiDocumentationIntegrationTest {

    private final TestHttp http = StandaloneQueryService.shared().http();

    @Test
    void shouldDescribeEveryEndpointWithItsProblems() {
        JsonNode api = http.get("/v3/api-docs").json();
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(paths)
                .contains(
                        "/api/customers",
                        "/api/customers/export.csv",
                        "/api/customers/{customerId}",
                        "/api/customers/{customerId}/orders",
                        "/api/customers/{customerId}/timeline",
                        "/api/customers/{customerId}/updates",
                        "/api/customers/updates",
                        "/api/orders/{orderId}",
                        "/api/orders/{orderId}/download",
                        "/api/admin/dead-letters");
        JsonNode history =
                api.path("paths").path("/api/customers/{customerId}/orders").path("get");
        assertThat(history.path("responses").has("400")).isTrue();
        assertThat(history.path("responses").has("404")).isTrue();
        assertThat(history.path("responses").path("404").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void shouldSendSomeoneWhoIsNotSignedInFromTheInteractiveApiPageToTheLoginPage() {
        TestHttp.Answer page = StandaloneQueryService.shared()
                .http(null)
                .get("/swagger-ui/index.html", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        TestHttp.Answer script = StandaloneQueryService.shared().http(null).get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location").orElseThrow()).endsWith("/login");
        // A client that is not a browser is asked for credentials instead.
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    }
}
