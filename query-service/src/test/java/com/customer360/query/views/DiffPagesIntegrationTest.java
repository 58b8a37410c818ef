package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.store.IssuedQueries;
import com.customer360.query.store.ReadVersions;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A rebuild's diff is made once and kept: its pages are read from what was kept, without reading either version's
 * customers again (at 143,000 customers on the embedded store one pass takes longer than a request may), they stay
 * as they were when it was made, asking for it again makes it against the live version of now, and contact data is
 * masked when a page is read, for the reader who reads it.
 */
class DiffPagesIntegrationTest {

    private static final IssuedQueries QUERIES = new IssuedQueries();
    private static final int CUSTOMERS = 40;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldServeEveryPageOfADiffFromWhatWasKeptAndMakeItAgainWhenAsked() {
        try (StandaloneQueryService service = StandaloneQueryService.start(
                "views-diff-pages-" + run, Map.of(), RefundsLeftOutOfRebuilds.class, Listening.class)) {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                events.addAll(histories.customer(i, 0, 7, true)); // orders 2 (EUR) and 5 (USD) refunded
            }
            service.publisher().publishAll(events);
            service.publisher().awaitAllConsumed();

            TestHttp analyst = service.http("analyst");
            String rebuildId = Diffs.startRebuild(analyst);
            String diff = "/api/views/rebuilds/" + rebuildId + "/diff";
            await().atMost(Duration.ofSeconds(60)).until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .get("state")
                    .asText()
                    .equals("CAUGHT_UP"));
            await().atMost(Duration.ofSeconds(60)).until(() -> analyst.get(diff).status() == 200);

            QUERIES.clear();
            List<JsonNode> all = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                JsonNode read = analyst.get(diff + "?size=100&page=" + page).json();
                assertThat(read.get("customersCompared").asLong()).isEqualTo(CUSTOMERS);
                assertThat(read.get("customersDiffering").asLong()).isEqualTo(CUSTOMERS);
                assertThat(read.get("totalItems").asLong()).isEqualTo(CUSTOMERS * 6L);
                read.get("items").forEach(all::add);
            }
            // Differences 90 to 119 lie across two of the kept chunks.
            JsonNode across = analyst.get(diff + "?size=30&page=3").json();
            JsonNode beyond = analyst.get(diff + "?size=100&page=3").json();
            assertThat(QUERIES.all())
                    .as("the pages read no customers of either version")
                    .noneMatch(query -> query.collection().startsWith("customer_details"));

            assertThat(all).hasSize(CUSTOMERS * 6);
            assertThat(new HashSet<>(all.stream()
                            .map(item -> item.get("customerId").asText() + " "
                                    + item.get("field").asText())
                            .toList()))
                    .hasSize(CUSTOMERS * 6);
            assertThat(across.get("items")).hasSize(30);
            for (int at = 0; at < 30; at++) {
                assertThat(across.get("items").get(at)).isEqualTo(all.get(90 + at));
            }
            assertThat(beyond.get("items")).isEmpty();

            // The live version moves on; the kept diff stays as it was made until it is made again.
            String madeAt = analyst.get(diff).json().get("computedAt").asText();
            BigDecimal before =
                    liveLifetimeValue(analyst.get(diff + "?size=100").json(), run);
            service.publisher()
                    .awaitConsumed(service.publisher().publish(List.of(histories.refund(0, 0, "EUR", "1.00"))));
            assertThat(liveLifetimeValue(analyst.get(diff + "?size=100").json(), run))
                    .isEqualByComparingTo(before);

            assertThat(analyst.post(diff, "").status()).isIn(200, 202);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode again = analyst.get(diff + "?size=100").json();
                return again.get("state").asText().equals("READY")
                        && Instant.parse(again.get("computedAt").asText()).isAfter(Instant.parse(madeAt));
            });
            assertThat(liveLifetimeValue(analyst.get(diff + "?size=100").json(), run))
                    .isEqualByComparingTo(before.subtract(new BigDecimal("1.00")));

            // Contact data is kept as stored and masked when a page is read: for the analyst, not for the admin.
            int rebuilt = analyst.get(diff).json().get("rebuiltVersion").asInt();
            service.database()
                    .getCollection(ReadVersions.collectionName(CustomerDetailsDocuments.COLLECTION, rebuilt))
                    .updateOne(
                            Filters.eq("_id", ViewHistories.customer(run, 1)),
                            Updates.set("email", "changed-1@example.org"));
            String remade = analyst.post(diff, "").json().get("startedAt").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode again = analyst.get(diff).json();
                return again.get("state").asText().equals("READY")
                        && again.get("startedAt").asText().equals(remade);
            });
            JsonNode masked = email(analyst.get(diff + "?size=100").json(), run);
            assertThat(masked.toString()).doesNotContain("changed-1").doesNotContain("c1@");
            assertThat(masked.get("rebuilt").asText()).endsWith("@example.org");
            JsonNode shown = email(service.http("admin").get(diff + "?size=100").json(), run);
            assertThat(shown.get("live").asText()).isEqualTo("c1@example.com");
            assertThat(shown.get("rebuilt").asText()).isEqualTo("changed-1@example.org");
        }
    }

    /** Customer 1's email difference, from a page of the diff. */
    private static JsonNode email(JsonNode page, String run) {
        for (JsonNode item : page.get("items")) {
            if (item.get("customerId").asText().equals(ViewHistories.customer(run, 1))
                    && item.get("field").asText().equals("email")) {
                return item;
            }
        }
        throw new AssertionError("customer 1's email is not on the page: " + page);
    }

    /** Customer 0's EUR lifetime value in the live version, from a page of the diff. */
    private static BigDecimal liveLifetimeValue(JsonNode page, String run) {
        for (JsonNode item : page.get("items")) {
            if (item.get("customerId").asText().equals(ViewHistories.customer(run, 0))
                    && item.get("field").asText().equals("summaries.EUR.lifetimeValue")) {
                return new BigDecimal(item.get("live").asText());
            }
        }
        throw new AssertionError("customer 0's EUR lifetime value is not on the page: " + page);
    }

    @TestConfiguration
    static class Listening {

        @Bean
        MongoClientSettingsBuilderCustomizer issuedQueries() {
            return settings -> settings.addCommandListener(QUERIES);
        }
    }
}
