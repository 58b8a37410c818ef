package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EmbeddedInfrastructure;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The operators' dead-letter endpoints: deliberate deletes, and problems for every request they cannot serve. */
@EmbeddedInfrastructure
class DeadLetterAdminIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private KafkaAdmin admin;

    private final String customerId = "c-" + UUID.randomUUID();

    @Test
    void shouldReleaseACustomerWhenAnOperatorDeletesTheirLastDeadLetter() throws Exception {
        EventPublisher publisher = new EventPublisher(kafka, admin);
        RecordMetadata garbage = publisher.publish(customerId, "not json".getBytes(StandardCharsets.UTF_8));
        publisher.awaitConsumed(garbage);
        String id = EventPublisher.TOPIC + "-" + garbage.partition() + "-" + garbage.offset();

        ResponseEntity<String> deleted = delete("/api/admin/dead-letters/" + id + "?reason=not an event, see INC-42");
        publisher.awaitConsumed(publisher.publish(List.of(new EventHistory().registered(customerId, null))));

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        JSONAssert.assertEquals(
                "{\"id\": \"%s\", \"customerId\": \"%s\", \"released\": true}".formatted(id, customerId),
                deleted.getBody(),
                JSONCompareMode.STRICT);
        assertThat(http.getForEntity("/api/customers/" + customerId, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void cannotDeleteADeadLetterWithoutSayingWhy() throws Exception {
        ResponseEntity<String> response = delete("/api/admin/dead-letters/customer-order-events-0-1");

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                """
                {"title": "Invalid request", "errors": [
                  {"field": "reason", "reason": "is required: say why this event may be dropped for good"}]}
                """);
    }

    @Test
    void cannotDeleteADeadLetterThatDoesNotExist() throws Exception {
        ResponseEntity<String> response = delete("/api/admin/dead-letters/customer-order-events-0-999999999?reason=x");

        assertProblem(
                response,
                HttpStatus.NOT_FOUND,
                """
                {"title": "Dead letter not found",
                 "detail": "No dead letter 'customer-order-events-0-999999999'."}
                """);
    }

    @Test
    void cannotDeleteByAnIdThatNamesNoRecord() throws Exception {
        ResponseEntity<String> response = delete("/api/admin/dead-letters/not-an-offset?reason=x");

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                "{\"errors\": [{\"field\": \"id\", \"reason\": \"must be <topic>-<partition>-<offset>\"}]}");
    }

    @Test
    void cannotRedriveACustomerWhoIsNotHeld() throws Exception {
        ResponseEntity<String> response =
                http.postForEntity("/api/admin/dead-letters/redrive?customerId=" + customerId, null, String.class);

        assertProblem(
                response,
                HttpStatus.NOT_FOUND,
                "{\"title\": \"Held customer not found\", \"detail\": \"No held customer '%s'.\"}"
                        .formatted(customerId));
    }

    @Test
    void cannotListMoreThanAHundredDeadLettersAtATime() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/admin/dead-letters?size=101", String.class);

        assertProblem(
                response,
                HttpStatus.BAD_REQUEST,
                "{\"errors\": [{\"field\": \"size\", \"reason\": \"must be between 1 and 100\"}]}");
    }

    private ResponseEntity<String> delete(String url) {
        return http.exchange(url, HttpMethod.DELETE, null, String.class);
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String expected)
            throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JSONAssert.assertEquals(expected, response.getBody(), JSONCompareMode.LENIENT);
    }
}
