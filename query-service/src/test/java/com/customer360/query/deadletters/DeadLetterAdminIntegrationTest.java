package com.customer360.query.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The operators' dead-letter endpoints: deliberate deletes, and problems for every request they cannot serve. */
class DeadLetterAdminIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final TestHttp http = service.http();
    private final String customerId = "c-" + UUID.randomUUID();

    @Test
    void shouldReleaseACustomerWhenAnOperatorDeletesTheirLastDeadLetter() throws Exception {
        EventPublisher publisher = service.publisher();
        RecordMetadata garbage = publisher.publish(customerId, "not json".getBytes(StandardCharsets.UTF_8));
        publisher.awaitConsumed(garbage);
        String id = service.topic() + "-" + garbage.partition() + "-" + garbage.offset();

        TestHttp.Answer deleted =
                http.delete("/api/admin/dead-letters/" + id + "?reason=not%20an%20event,%20see%20INC-42");
        publisher.awaitConsumed(publisher.publish(List.of(new EventHistory().registered(customerId, null))));

        assertThat(deleted.status()).isEqualTo(200);
        JSONAssert.assertEquals(
                "{\"id\": \"%s\", \"customerId\": \"%s\", \"released\": true}".formatted(id, customerId),
                deleted.body(),
                JSONCompareMode.STRICT);
        assertThat(http.get("/api/customers/" + customerId).status()).isEqualTo(200);
    }

    @Test
    void cannotDeleteADeadLetterWithoutSayingWhy() throws Exception {
        assertProblem(
                http.delete("/api/admin/dead-letters/customer-order-events-0-1"),
                400,
                """
                {"title": "Invalid request", "errors": [
                  {"field": "reason", "reason": "is required: say why this event may be dropped for good"}]}
                """);
    }

    @Test
    void cannotDeleteADeadLetterThatDoesNotExist() throws Exception {
        assertProblem(
                http.delete("/api/admin/dead-letters/customer-order-events-0-999999999?reason=x"),
                404,
                """
                {"title": "Dead letter not found",
                 "detail": "No dead letter 'customer-order-events-0-999999999'."}
                """);
    }

    @Test
    void cannotDeleteByAnIdThatNamesNoRecord() throws Exception {
        assertProblem(
                http.delete("/api/admin/dead-letters/not-an-offset?reason=x"),
                400,
                "{\"errors\": [{\"field\": \"id\", \"reason\": \"must be <topic>-<partition>-<offset>\"}]}");
    }

    @Test
    void cannotRedriveACustomerWhoIsNotHeld() throws Exception {
        assertProblem(
                http.post("/api/admin/dead-letters/redrive?customerId=" + customerId, null),
                404,
                "{\"title\": \"Held customer not found\", \"detail\": \"No held customer '%s'.\"}"
                        .formatted(customerId));
    }

    @Test
    void cannotListMoreThanAHundredDeadLettersAtATime() throws Exception {
        assertProblem(
                http.get("/api/admin/dead-letters?size=101"),
                400,
                "{\"errors\": [{\"field\": \"size\", \"reason\": \"must be between 1 and 100\"}]}");
    }

    private static void assertProblem(TestHttp.Answer answer, int status, String expected) throws Exception {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JSONAssert.assertEquals(expected, answer.body(), JSONCompareMode.LENIENT);
    }
}
