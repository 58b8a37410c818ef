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
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class QueryApiIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final TestHttp http = service.http();

    @Test
    void cannotFindAnUnknownCustomer() {
        assertProblem(
                http.get("/api/customers/c-unknown"),
                404,
                """
                {"type": "https://customer360.example/problems/not-found", "title": "Customer not found",
                 "status": 404, "detail": "No customer 'c-unknown'."}
                """);
    }

    @Test
    void cannotListTheOrdersOfAnUnknownCustomer() {
        assertProblem(
                http.get("/api/customers/c-unknown/orders"),
                404,
                "{\"status\": 404, \"title\": \"Customer not found\"}");
    }

    @Test
    void cannotFindAnUnknownOrder() {
        assertProblem(
                http.get("/api/orders/o-unknown"),
                404,
                """
                {"type": "https://customer360.example/problems/not-found", "title": "Order not found",
                 "status": 404, "detail": "No order 'o-unknown'."}
                """);
    }

    @Test
    void cannotFindACustomerWhoseOrdersArrivedBeforeTheRegistration() {
        String customerId = "c-" + UUID.randomUUID();
        String orderId = "o-" + UUID.randomUUID();
        service.publisher()
                .publish(List.of(new EventHistory().placed(orderId, customerId, "USD", "1.00", "2026-01-01")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/orders/" + orderId).status() == 200);

        assertThat(http.get("/api/customers/" + customerId).status()).isEqualTo(404);
    }

    @Test
    void cannotAskForAPageSizeAboveOneHundred() {
        assertProblem(
                http.get("/api/customers/c-1/orders?size=101"),
                400,
                """
                {"type": "https://customer360.example/problems/invalid-request", "title": "Invalid request",
                 "status": 400, "errors": [{"field": "size", "reason": "must be between 1 and 100"}]}
                """);
    }

    @Test
    void cannotAskForAPageSizeOfZero() {
        assertProblem(http.get("/api/customers/c-1/orders?size=0"), 400, "{\"errors\": [{\"field\": \"size\"}]}");
    }

    @Test
    void cannotAskForANegativePage() {
        assertProblem(
                http.get("/api/customers/c-1/orders?page=-1"),
                400,
                "{\"errors\": [{\"field\": \"page\", \"reason\": \"must be 0 or more\"}]}");
    }

    @Test
    void cannotAskForAPageThatIsNotANumber() {
        assertProblem(
                http.get("/api/customers/c-1/orders?page=first"),
                400,
                "{\"errors\": [{\"field\": \"page\", \"reason\": \"must be an integer\"}]}");
    }

    @Test
    void cannotPageFromACursorThisServiceDidNotWrite() {
        assertProblem(
                http.get("/api/customers/c-1/orders?cursor=bm90LWEtY3Vyc29y"),
                400,
                "{\"errors\": [{\"field\": \"cursor\", \"reason\": \"is not a cursor of this list\"}]}");
    }

    @Test
    void cannotFilterByAnUnknownStatus() {
        assertProblem(
                http.get("/api/customers/c-1/orders?status=SHIPPED"),
                400,
                """
                {"errors": [{"field": "status",
                             "reason": "must be one of DRAFT, PLACED, IN_TRANSIT, DELIVERED, CANCELLED, RETURNED"}]}
                """);
    }

    @Test
    void cannotAskForAnIdThatCanNameNoCustomer() {
        assertProblem(http.get("/api/customers/c$1"), 400, "{\"errors\": [{\"field\": \"customerId\"}]}");
    }

    private static void assertProblem(TestHttp.Answer answer, int status, String expected) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).doesNotContain("trace", "exception", "Exception");
        try {
            JSONAssert.assertEquals(expected, answer.body(), JSONCompareMode.LENIENT);
        } catch (org.json.JSONException e) {
            throw new AssertionError(e);
        }
    }
}
