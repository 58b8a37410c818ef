package com.customer360.query.web;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@EmbeddedInfrastructure
class QueryApiIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    @Test
    void cannotFindAnUnknownCustomer() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-unknown", String.class);

        assertProblem(
                response,
                HttpStatus.NOT_FOUND,
                """
                {"type": "https://customer360.example/problems/not-found", "title": "Customer not found",
                 "status": 404, "detail": "No customer 'c-unknown'."}
                """);
    }

    @Test
    void cannotListTheOrdersOfAnUnknownCustomer() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-unknown/orders", String.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "{\"status\": 404, \"title\": \"Customer not found\"}");
    }

    @Test
    void cannotFindAnUnknownOrder() {
        ResponseEntity<String> response = http.getForEntity("/api/orders/o-unknown", String.class);

        assertProblem(
                response,
                HttpStatus.NOT_FOUND,
                """
                {"type": "https://customer360.example/problems/not-found", "title": "Order not found",
                 "status": 404, "detail": "No order 'o-unknown'."}
                """);
    }

    @Test
    void cannotFindACustomerWhoseOrdersArrivedBeforeTheRegistration() {
        String customerId = "c-" + UUID.randomUUID();
        String orderId = "o-" + UUID.randomUUID();
        new EventPublisher(kafka, admin)
                .publish(List.of(new EventHistory().placed(orderId, customerId, "USD", "1.00", "2026-01-01")));
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForEntity("/api/orders/" + orderId, String.class)
                .getStatusCode()
                .is2xxSuccessful());

        ResponseEntity<String> response = http.getForEntity("/api/customers/" + customerId, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void cannotAskForAPageSizeAboveOneHundred() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-1/orders?size=101", String.class);

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                """
                {"type": "https://customer360.example/problems/invalid-request", "title": "Invalid request",
                 "status": 400, "errors": [{"field": "size", "reason": "must be between 1 and 100"}]}
                """);
    }

    @Test
    void cannotAskForAPageSizeOfZero() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-1/orders?size=0", String.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "{\"errors\": [{\"field\": \"size\"}]}");
    }

    @Test
    void cannotAskForANegativePage() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-1/orders?page=-1", String.class);

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                "{\"errors\": [{\"field\": \"page\", \"reason\": \"must be 0 or more\"}]}");
    }

    @Test
    void cannotAskForAPageThatIsNotANumber() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-1/orders?page=first", String.class);

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                "{\"errors\": [{\"field\": \"page\", \"reason\": \"must be an integer\"}]}");
    }

    @Test
    void cannotFilterByAnUnknownStatus() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c-1/orders?status=SHIPPED", String.class);

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                """
                {"errors": [{"field": "status",
                             "reason": "must be one of DRAFT, PLACED, IN_TRANSIT, DELIVERED, CANCELLED, RETURNED"}]}
                """);
    }

    @Test
    void cannotAskForAnIdThatCanNameNoCustomer() {
        ResponseEntity<String> response = http.getForEntity("/api/customers/c$1", String.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "{\"errors\": [{\"field\": \"customerId\"}]}");
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String expected) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContain("trace", "exception", "Exception");
        try {
            JSONAssert.assertEquals(expected, response.getBody(), JSONCompareMode.LENIENT);
        } catch (org.json.JSONException e) {
            throw new AssertionError(e);
        }
    }
}
