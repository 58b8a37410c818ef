package com.customer360.query.reliability;

import static com.customer360.query.reliability.ReliabilityScenario.awaitCustomer;
import static com.customer360.query.reliability.ReliabilityScenario.awaitDeadLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event the relay did not publish leaves a hole in its aggregate's sequence: the read side must notice it (n
 * followed by n+2), hold the customer rather than skip the missing event, and heal by itself once the missing event
 * arrives — re-published, after the later ones.
 */
class SequenceGapIntegrationTest {

    private final EventHistory history = new EventHistory();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldHoldTheCustomerAtAGapAndHealWhenTheMissingEventArrives() {
        StandaloneQueryService service = StandaloneQueryService.shared();
        String customer = "c-gap-" + run;
        String orderId = "o-gap-" + run;
        EventEnvelope registered = history.registered(customer, null);
        EventEnvelope placed = history.placed(orderId, customer, "EUR", "40.00", "2026-01-03");
        EventEnvelope missing = history.refunded(orderId, customer, "EUR", "10.00");
        EventEnvelope afterTheGap = history.refunded(orderId, customer, "EUR", "5.00");

        service.publisher().publish(List.of(registered, placed, afterTheGap));

        assertThat(awaitDeadLetters(service.http(), customer, 1)).containsExactly("SEQUENCE_GAP");
        assertThat(ReliabilityScenario.reasonOfFirstDeadLetter(service, customer))
                .contains("order " + orderId, "2", "1");
        assertThat(awaitCustomer(service.http(), customer)
                        .path("summaries")
                        .path(0)
                        .path("lifetimeValue")
                        .asText())
                .isEqualTo("40.00");

        // The relay's repair path re-publishes the order's stream: what the reader has is ignored, the rest applies.
        service.publisher().publish(List.of(placed, missing, afterTheGap));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(awaitCustomer(service.http(), customer)
                            .path("summaries")
                            .path(0)
                            .path("lifetimeValue")
                            .asText())
                    .isEqualTo("25.00");
            assertThat(service.http()
                            .get("/api/admin/dead-letters?customerId=" + customer)
                            .json()
                            .path("totalItems")
                            .asInt())
                    .isZero();
        });
        assertThat(service.http()
                        .get("/api/orders/" + orderId)
                        .json()
                        .path("refunds")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void shouldHoldACustomerAtAnOrderEventWhoseOrderWasNeverCreated() {
        StandaloneQueryService service = StandaloneQueryService.shared();
        String customer = "c-orphan-" + run;

        history.skip("o-orphan-" + run);
        service.publisher()
                .publish(List.of(
                        history.registered(customer, null),
                        history.shipped("o-orphan-" + run, customer, "2026-01-05")));

        assertThat(awaitDeadLetters(service.http(), customer, 1)).containsExactly("SEQUENCE_GAP");
    }
}
