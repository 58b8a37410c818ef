package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A rebuild's first catch-up in passes ({@link CatchUpPasses}) over a history whose documents are many times the
 * bound of its memory, with every customer's events spread over the whole topic: it takes several passes, a customer
 * too large for memory on its own is written as it goes, a customer held behind an unreadable record keeps the
 * events before it — and the version ends exactly as the live one, customer and order documents alike.
 */
class CatchUpPassesIntegrationTest {

    private static final int CUSTOMERS = 60;
    private static final int BOUND = 40;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldFoldAHistoryLargerThanItsMemoryInPassesAndEndAsTheLiveView() {
        try (StandaloneQueryService service = StandaloneQueryService.start(
                "views-passes-" + run,
                Map.of(
                        "customer360.views.bulk-max-documents",
                        String.valueOf(BOUND),
                        // one slice holds the whole topic: the first pass sees every record before it gives
                        // buckets up
                        "customer360.views.slice-events",
                        "1000"))) {
            ViewHistories histories = new ViewHistories(run);
            // The held customer is the one of the highest bucket: the first pass sees its unreadable record, then
            // gives its bucket up, and a later pass folds it again from the beginning.
            int heldIndex = 0;
            for (int i = 1; i < CUSTOMERS; i++) {
                if (CatchUpPasses.bucketOf(ViewHistories.customer(run, i))
                        > CatchUpPasses.bucketOf(ViewHistories.customer(run, heldIndex))) {
                    heldIndex = i;
                }
            }
            String held = ViewHistories.customer(run, heldIndex);
            List<EventEnvelope> heldHistory = histories.customer(heldIndex, 0, 4, true);
            List<EventEnvelope> beforeTheUnreadable = heldHistory.subList(0, 5); // registered, two orders
            List<List<EventEnvelope>> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                if (i != heldIndex) {
                    customers.add(histories.customer(i, 0, 4, true));
                }
            }
            customers.add(heldHistory.subList(5, heldHistory.size()));
            // Its customer document and 50 order documents do not fit the bound by themselves.
            customers.add(histories.customer(CUSTOMERS, 0, 50, true));
            List<EventEnvelope> interleaved = interleave(customers);
            service.publisher().publishAll(beforeTheUnreadable);
            service.publisher().publish(held, "{not an event".getBytes(StandardCharsets.UTF_8));
            service.publisher().publishAll(interleaved);
            service.publisher().awaitAllConsumed();
            int records = beforeTheUnreadable.size() + 1 + interleaved.size();

            TestHttp analyst = service.http("analyst");
            String rebuildId = analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}")
                    .json()
                    .get("rebuildId")
                    .asText();
            await().atMost(Duration.ofSeconds(120)).until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .get("state")
                    .asText()
                    .equals("CAUGHT_UP"));

            JsonNode rebuild = analyst.get("/api/views/rebuilds/" + rebuildId).json();
            assertThat(rebuild.get("eventsApplied").asLong()).isEqualTo(records);
            assertThat(rebuild.get("heldCustomers").asLong()).isEqualTo(1);
            Document passes = service.database()
                    .getCollection(Rebuilds.COLLECTION)
                    .find(Filters.eq("_id", rebuildId))
                    .first()
                    .get("passes", Document.class);
            // 300 documents and more, 40 at a time
            assertThat(passes.getInteger("passes")).isGreaterThanOrEqualTo(8);
            assertThat(passes.getInteger("doneBelow")).isEqualTo(CatchUpPasses.BUCKETS);
            assertThat(passes.getLong("applied")).isEqualTo(records);

            JsonNode diff = Diffs.ready(analyst, rebuildId, "?size=10");
            assertThat(diff.get("customersCompared").asLong()).isEqualTo(CUSTOMERS + 1);
            assertThat(diff.get("customersDiffering").asLong())
                    .as(diff.toString())
                    .isZero();
            int version = rebuild.get("version").asInt();
            Map<String, Document> live = orders(service.database(), "order_details");
            // the held customer's two orders placed after the unreadable record wait in both versions
            assertThat(live).hasSize(CUSTOMERS * 4 + 50 - 2);
            assertThat(orders(service.database(), "order_details_v" + version)).isEqualTo(live);
            JsonNode heldCustomer = service.http("viewer")
                    .get("/api/customers/" + held + "?view=" + version)
                    .json();
            assertThat(heldCustomer.get("orderCount").asInt()).isEqualTo(2);
        }
    }

    /** Every customer's events in their order, the customers taking turns: each history spans the whole topic. */
    private static List<EventEnvelope> interleave(List<List<EventEnvelope>> customers) {
        List<EventEnvelope> interleaved = new ArrayList<>();
        int longest = customers.stream().mapToInt(List::size).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (List<EventEnvelope> events : customers) {
                if (step < events.size()) {
                    interleaved.add(events.get(step));
                }
            }
        }
        return interleaved;
    }

    /** The order documents of a collection without their write bookkeeping. */
    private static Map<String, Document> orders(MongoDatabase database, String collection) {
        Map<String, Document> orders = new TreeMap<>();
        database.getCollection(collection).find().forEach(order -> {
            order.remove("version");
            order.remove("updatedAt");
            orders.put(order.getString("_id"), order);
        });
        return orders;
    }
}
