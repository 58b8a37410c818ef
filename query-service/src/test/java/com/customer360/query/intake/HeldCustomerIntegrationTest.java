package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.DeadLetterHeaders;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.FixedClock;
import com.customer360.query.RawDocuments;
import com.customer360.query.StandaloneQueryService;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestInfrastructure;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The held-customer flow end to end: a record a later version of the producer wrote, unreadable here, holds its
 * customer while the others, on the same partition, keep flowing; once the next version of the service is deployed, a re-drive applies the
 * customer's held events in order and they end as if nothing had happened.
 */
class HeldCustomerIntegrationTest {

    private final String name = "held-" + UUID.randomUUID();
    private final EventHistory history = new EventHistory();
    private final String customerA = "c-a";
    private final String customerB = onTheSamePartitionAs(customerA);

    @Test
    void shouldHoldOnlyTheCustomerBehindAnUnreadableRecordUntilARedriveAfterTheFixCatchesThemUp() throws Exception {
        TestInfrastructure.shared().createTopic(name, 3);
        EventPublisher publisher = new EventPublisher(
                StandaloneQueryService.bootstrapServers(), name, StandaloneQueryService.groupOf(name));
        List<EventEnvelope> aBefore = List.of(
                history.registered(customerA, EventHistory.address("1 Home Road")),
                history.placed("o-a1", customerA, "USD", "10.00", "2026-01-01"));
        EventEnvelope aFromTheFuture = history.placed("o-a2", customerA, "USD", "30.00", "2026-02-01");
        List<EventEnvelope> aAfter = List.of(
                history.shipped("o-a2", customerA, "2026-02-02"), history.refunded("o-a1", customerA, "USD", "2.00"));

        String firstDeadLetter;
        try (StandaloneQueryService today = StandaloneQueryService.start(name, Map.of(), FixedClock.class)) {
            TestHttp http = today.http();
            publisher.publish(aBefore);
            publisher.publish(List.of(
                    history.registered(customerB, null),
                    history.placed("o-b1", customerB, "EUR", "20.00", "2026-01-01")));
            publisher.awaitAllConsumed();
            Map<String, String> aBeforeTheDeadLetter = documentsOfA(today.database());

            RecordMetadata unreadable =
                    publisher.publish(customerA, UpcastingEventReader.asRevision2(publisher.encode(aFromTheFuture)));
            firstDeadLetter = name + "-" + unreadable.partition() + "-" + unreadable.offset();
            publisher.publish(aAfter);
            RecordMetadata bAfter =
                    publisher.publish(List.of(history.placed("o-b2", customerB, "EUR", "5.00", "2026-02-01")));
            publisher.awaitAllConsumed();

            assertThat(bAfter.partition()).as("B shares A's partition").isEqualTo(unreadable.partition());
            assertJson(
                    http.get("/api/customers/" + customerB),
                    "{\"summaries\": [{\"currency\": \"EUR\", \"orderCount\": 2, \"lifetimeValue\": \"25.00\"}]}");
            assertThat(documentsOfA(today.database())).isEqualTo(aBeforeTheDeadLetter);
            assertTopicHoldsADeadLettersInOrder(unreadable, firstDeadLetter);
            TestHttp.Answer listing = http.get("/api/admin/dead-letters?customerId=" + customerA);
            assertJson(
                    listing,
                    """
                    {"totalItems": 3, "items": [
                      {"id": "%1$s", "customerId": "c-a", "topic": "%2$s", "partition": %3$d, "offset": %4$d,
                       "reasonCode": "UNSUPPORTED_REVISION", "heldBehind": null},
                      {"customerId": "c-a", "reasonCode": "HELD_BEHIND_DEAD_LETTER", "heldBehind": "%1$s"},
                      {"customerId": "c-a", "reasonCode": "HELD_BEHIND_DEAD_LETTER", "heldBehind": "%1$s"}]}
                    """
                            .formatted(firstDeadLetter, name, unreadable.partition(), unreadable.offset()));
            assertThat(listing.body()).doesNotContain("Ada", "example.com", "Home Road", "\"value\"");

            // Too early: the unreadable record stays, and with it the shipment of its order (out of sequence without
            // it); the refund of the other order fits its sequence and is applied. The customer stays held.
            TestHttp.Answer tooEarly = http.post("/api/admin/dead-letters/redrive?customerId=" + customerA, null);
            assertJson(
                    tooEarly,
                    """
                    {"applied": 1, "stillDeadLettered": 2, "customersReleased": 0, "customers": [
                      {"customerId": "c-a", "released": false,
                       "blockedBy": {"id": "%s", "reasonCode": "UNSUPPORTED_REVISION"}}]}
                    """
                            .formatted(firstDeadLetter));
            assertJson(http.get("/api/orders/o-a1"), "{\"refundedTotal\": \"2.00\"}");
            assertThat(http.get("/api/orders/o-a2").status()).isEqualTo(404);
            assertThat(http.get("/api/admin/dead-letters?customerId=" + customerA)
                            .json()
                            .path("items"))
                    .extracting(item -> item.path("reasonCode").asText())
                    .containsExactly("UNSUPPORTED_REVISION", "SEQUENCE_GAP");
        }

        try (StandaloneQueryService next =
                StandaloneQueryService.start(name, Map.of(), FixedClock.class, TheFixDeployed.class)) {
            TestHttp http = next.http();

            TestHttp.Answer redriven = http.post("/api/admin/dead-letters/redrive", null);

            assertJson(
                    redriven,
                    """
                    {"applied": 2, "stillDeadLettered": 0, "customersReleased": 1, "customers": [
                      {"customerId": "c-a", "applied": 2, "stillDeadLettered": 0, "released": true, "blockedBy": null}]}
                    """);
            List<EventEnvelope> allOfA = new ArrayList<>(aBefore);
            allOfA.add(aFromTheFuture);
            allOfA.addAll(aAfter);
            MongoDatabase cleanRun = CleanRun.of(next.context(), allOfA);
            assertThat(contentOfA(next.database())).hasSize(3).isEqualTo(contentOfA(cleanRun));
            assertJson(
                    http.get("/api/admin/dead-letters?customerId=" + customerA), "{\"totalItems\": 0, \"items\": []}");

            publisher.publish(List.of(history.delivered("o-a2", customerA, "2026-02-03")));
            publisher.awaitAllConsumed();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> assertJson(http.get("/api/orders/o-a2"), "{\"status\": \"DELIVERED\"}"));
        }
    }

    /** A customer id whose events go to the same partition (of 3) as those of {@code customerId}. */
    private static String onTheSamePartitionAs(String customerId) {
        for (int i = 0; ; i++) {
            String candidate = "c-b" + i;
            if (partitionOf(candidate) == partitionOf(customerId)) {
                return candidate;
            }
        }
    }

    /** The partition Kafka's default partitioner picks for a key. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    private void assertTopicHoldsADeadLettersInOrder(RecordMetadata unreadable, String firstDeadLetter) {
        List<ConsumerRecord<String, byte[]>> onTopic = DeadLetterTopic.read(
                StandaloneQueryService.bootstrapServers(),
                StandaloneQueryService.deadLetterTopicOf(name),
                record -> customerA.equals(record.key()),
                3);
        assertThat(onTopic)
                .extracting(record -> DeadLetterTopic.header(record, DeadLetterHeaders.REASON_CODE))
                .containsExactly(
                        "UNSUPPORTED_REVISION", DeadLetter.HELD_BEHIND_DEAD_LETTER, DeadLetter.HELD_BEHIND_DEAD_LETTER);
        assertThat(onTopic)
                .extracting(record -> DeadLetterTopic.header(record, DeadLetterHeaders.ORIGINAL_OFFSET))
                .first()
                .isEqualTo(Long.toString(unreadable.offset()));
        assertThat(DeadLetterTopic.header(onTopic.get(1), DeadLetterHeaders.REASON))
                .contains(firstDeadLetter, "partition " + unreadable.partition(), "offset " + unreadable.offset());
    }

    private Map<String, String> documentsOfA(MongoDatabase database) {
        Map<String, String> documents = RawDocuments.of(database, "customer_details", List.of(customerA));
        documents.putAll(RawDocuments.of(database, "order_details", List.of("o-a1", "o-a2")));
        return documents;
    }

    private Map<String, org.bson.Document> contentOfA(MongoDatabase database) {
        Map<String, org.bson.Document> documents =
                RawDocuments.content(database, "customer_details", List.of(customerA));
        documents.putAll(RawDocuments.content(database, "order_details", List.of("o-a1", "o-a2")));
        return documents;
    }

    private static void assertJson(TestHttp.Answer answer, String expected) throws Exception {
        assertThat(answer.status()).isEqualTo(200);
        JSONAssert.assertEquals(expected, answer.body(), JSONCompareMode.LENIENT);
    }
}
