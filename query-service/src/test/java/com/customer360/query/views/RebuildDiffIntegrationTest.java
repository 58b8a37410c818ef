package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A changed rule shows in the diff: exactly the customers and fields it changes, with both values. */
class RebuildDiffIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldShowAnInjectedChangeOfARuleCustomerByCustomerAndFieldByField() {
        try (StandaloneQueryService service =
                StandaloneQueryService.start("views-diff-" + run, Map.of(), RefundsLeftOutOfRebuilds.class)) {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.addAll(histories.customer(i, 0, 6, true)); // orders 2 and 5 refunded
            }
            for (int i = 5; i < 10; i++) {
                events.addAll(histories.customer(i, 0, 2, true)); // no refunds
            }
            service.publisher().publishAll(events);
            service.publisher().awaitAllConsumed();

            TestHttp analyst = service.http("analyst");
            String rebuildId = Diffs.startRebuild(analyst);
            await().atMost(Duration.ofSeconds(60)).until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .get("state")
                    .asText()
                    .equals("CAUGHT_UP"));

            JsonNode diff = Diffs.ready(analyst, rebuildId, "?size=100");
            assertThat(diff.get("customersCompared").asLong()).isEqualTo(10);
            assertThat(diff.get("customersDiffering").asLong()).isEqualTo(5);
            assertThat(diff.get("fieldsDiffering").properties().stream()
                            .map(Map.Entry::getKey)
                            .toList())
                    .containsExactlyInAnyOrder(
                            "summaries.lifetimeValue", "summaries.averageOrderValue", "summaries.refundedTotal");
            List<String> differing = diff.get("items").findValuesAsText("customerId");
            assertThat(differing).allMatch(id -> List.of(0, 1, 2, 3, 4).stream()
                    .anyMatch(i -> id.equals(ViewHistories.customer(run, i))));

            // Order 2 (EUR) was refunded 2.25: the live lifetime value has it taken off, the rebuilt one not.
            JsonNode item = null;
            for (JsonNode candidate : diff.get("items")) {
                if (candidate.get("customerId").asText().equals(ViewHistories.customer(run, 0))
                        && candidate.get("field").asText().equals("summaries.EUR.lifetimeValue")) {
                    item = candidate;
                }
            }
            assertThat(item).isNotNull();
            assertThat(new BigDecimal(item.get("rebuilt").asText())
                            .subtract(new BigDecimal(item.get("live").asText())))
                    .isEqualByComparingTo("2.25");

            JsonNode paged = analyst.get("/api/views/rebuilds/" + rebuildId + "/diff?page=1&size=2")
                    .json();
            assertThat(paged.get("items")).hasSize(2);
            assertThat(paged.get("totalItems").asLong())
                    .isEqualTo(diff.get("totalItems").asLong());
            assertThat(paged.get("items").get(0).toString())
                    .isEqualTo(diff.get("items").get(2).toString());
        }
    }
}
