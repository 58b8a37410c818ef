package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rebuild of the customer-details view beside the live one, while events keep arriving: it reads the whole history
 * into a new version, catches up, shows no difference to the live version, and every reader is switched over — and
 * back — at once, with readers polling all the while and never failing or seeing a mix of versions.
 */
class ViewRebuildIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldRebuildWhileEventsArriveEndIdenticalAndSwitchWithoutAFailedOrMixedRead() throws Exception {
        try (StandaloneQueryService service =
                StandaloneQueryService.start("views-switch-" + run, Map.of("customer360.views.slice-events", "300"))) {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> first = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                first.addAll(histories.customer(i, 0, 6, true));
            }
            service.publisher().publishAll(first);
            service.publisher().awaitAllConsumed();

            Readers readers = new Readers(service.http("viewer"), ViewHistories.customer(run, 3));
            readers.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> readers.reads.get() > 5);

            TestHttp analyst = service.http("analyst");
            TestHttp.Answer started = analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}");
            assertThat(started.status()).isEqualTo(202);
            String rebuildId = started.json().get("rebuildId").asText();
            int version = started.json().get("version").asInt();
            assertThat(version).isGreaterThan(1);
            assertThat(started.header("Location")).contains("/api/views/rebuilds/" + rebuildId);
            assertThat(analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}")
                            .status())
                    .isEqualTo(409);

            // Commands keep arriving while it rebuilds: new orders of known customers, and new customers.
            List<EventEnvelope> more = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                more.addAll(histories.customer(i, 6, 8, false));
            }
            for (int i = 40; i < 50; i++) {
                more.addAll(histories.customer(i, 0, 3, true));
            }
            for (int at = 0; at < more.size(); at += 50) {
                service.publisher().publishAll(more.subList(at, Math.min(more.size(), at + 50)));
            }
            service.publisher().awaitAllConsumed();

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode rebuild =
                        analyst.get("/api/views/rebuilds/" + rebuildId).json();
                assertThat(rebuild.get("state").asText()).isEqualTo("CAUGHT_UP");
                assertThat(rebuild.get("lag").asLong()).isZero();
            });
            JsonNode progress = analyst.get("/api/views/rebuilds/" + rebuildId).json();
            assertThat(progress.get("eventsApplied").asLong()).isEqualTo(first.size() + more.size());
            assertThat(progress.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(progress.get("caughtUpAt").isNull()).isFalse();
            // Its collections were written with no index but _id; once caught up they have every index version 1 has.
            for (String collection : RebuildSupervisor.COLLECTIONS) {
                assertThat(indexKeys(service, collection + "_v" + version))
                        .as(collection)
                        .containsExactlyInAnyOrderElementsOf(indexKeys(service, collection));
            }

            JsonNode diff = Diffs.ready(analyst, rebuildId, "");
            assertThat(diff.get("customersCompared").asLong()).isEqualTo(50);
            assertThat(diff.get("customersDiffering").asLong()).isZero();
            assertThat(diff.get("items")).isEmpty();

            String liveBody = service.http("viewer")
                    .get("/api/customers/" + ViewHistories.customer(run, 3))
                    .body();
            TestHttp.Answer switched = analyst.post("/api/views/rebuilds/" + rebuildId + "/switch", null);
            assertThat(switched.status()).isEqualTo(200);
            assertThat(switched.json().get("active").asInt()).isEqualTo(version);
            assertThat(switched.json().get("previous").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> readers.seen.contains(version));
            TestHttp.Answer afterSwitch =
                    service.http("viewer").get("/api/customers/" + ViewHistories.customer(run, 3));
            assertThat(afterSwitch.header("X-View-Version")).contains(String.valueOf(version));
            assertThat(afterSwitch.body()).isEqualTo(liveBody);
            assertThat(analyst.get("/api/views/rebuilds/" + rebuildId)
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("SWITCHED");

            // The switched version follows live events.
            List<EventEnvelope> later = histories.customer(3, 8, 9, false);
            service.publisher().publishAll(later);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(service.http("viewer")
                            .get("/api/customers/" + ViewHistories.customer(run, 3) + "/orders?size=100")
                            .json()
                            .get("totalItems")
                            .asLong())
                    .isEqualTo(9));

            TestHttp.Answer rolledBack = analyst.post("/api/views/customer-details/rollback", null);
            assertThat(rolledBack.status()).isEqualTo(200);
            assertThat(rolledBack.json().get("active").asInt()).isEqualTo(1);
            assertThat(service.http("viewer")
                            .get("/api/customers/" + ViewHistories.customer(run, 3))
                            .header("X-View-Version"))
                    .contains("1");
            // Version 1 kept following too, so rolling back loses nothing.
            assertThat(service.http("viewer")
                            .get("/api/customers/" + ViewHistories.customer(run, 3) + "/orders?size=100")
                            .json()
                            .get("totalItems")
                            .asLong())
                    .isEqualTo(9);
            await().atMost(Duration.ofSeconds(10)).until(() -> readers.reads.get() > 50);
            readers.stop();
            assertThat(readers.failures).isEmpty();
            assertThat(readers.seen).contains(1, version);

            JsonNode trail =
                    service.http("admin").get("/api/admin/audit?size=10").json().get("items");
            assertThat(trail.findValuesAsText("action"))
                    .contains("views.rebuild.start", "views.switch", "views.rollback");
            assertThat(trail.toString()).doesNotContain("@example.com");
        }
    }

    @Test
    void cannotSwitchToARebuildThatHasNotCaughtUpNorReadAVersionThatIsNotThere() {
        try (StandaloneQueryService service = StandaloneQueryService.start(
                "views-refuse-" + run, Map.of("customer360.views.max-events-per-second", "20"))) {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.addAll(histories.customer(i, 0, 4, true));
            }
            service.publisher().publishAll(events);
            service.publisher().awaitAllConsumed();
            TestHttp analyst = service.http("analyst");
            TestHttp.Answer started = analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}");
            String rebuildId = started.json().get("rebuildId").asText();
            assertThat(analyst.post("/api/views/rebuilds/" + rebuildId + "/switch", null)
                            .status())
                    .isEqualTo(409);
            assertThat(analyst.get("/api/views/rebuilds/" + rebuildId + "/diff").status())
                    .isEqualTo(409);
            assertThat(analyst.post("/api/views/customer-details/rollback", null)
                            .status())
                    .isEqualTo(409);
            assertThat(analyst.post("/api/views/rebuilds", "{\"view\":\"orders\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\",\"asOf\":\"yesterday\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(service.http("viewer")
                            .get("/api/customers/" + ViewHistories.customer(run, 1) + "?view=99")
                            .status())
                    .isEqualTo(400);
            // A rebuild still catching up has partial figures and not yet its indexes: it is not read.
            TestHttp.Answer early = service.http("viewer")
                    .get("/api/customers/" + ViewHistories.customer(run, 1) + "?view="
                            + started.json().get("version").asInt());
            assertThat(early.status()).isEqualTo(400);
            assertThat(early.body()).contains("view").contains("still being rebuilt");
            assertThat(service.http("viewer")
                            .post("/api/views/rebuilds", "{\"view\":\"customer-details\"}")
                            .status())
                    .isEqualTo(403);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(analyst.get("/api/views/rebuilds/" + rebuildId)
                                    .json()
                                    .get("eventsApplied")
                                    .asLong())
                            .isPositive());
            TestHttp.Answer cancelled = analyst.delete("/api/views/rebuilds/" + rebuildId);
            assertThat(cancelled.status()).isEqualTo(202);
            assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(analyst.get("/api/views/rebuilds/" + rebuildId)
                                    .json()
                                    .get("dropped")
                                    .asBoolean())
                            .isTrue());
            int version = started.json().get("version").asInt();
            assertThat(service.database().listCollectionNames().into(new ArrayList<>()))
                    .doesNotContain("customer_details_v" + version, "order_details_v" + version);
            assertThat(analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}")
                            .status())
                    .isEqualTo(202);
        }
    }

    /** Readers that poll a customer and the list, and keep what they saw: the versions, and any failed read. */
    private static final class Readers {
        final TestHttp http;
        final String customerId;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger reads = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Integer> seen = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        Readers(TestHttp http, String customerId) {
            this.http = http;
            this.customerId = customerId;
        }

        void start() {
            for (String path : List.of(
                    "/api/customers/" + customerId, "/api/customers/" + customerId + "/orders", "/api/customers")) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            TestHttp.Answer answer = http.get(path);
                            String version = answer.header("X-View-Version").orElse(null);
                            if (answer.status() != 200 || version == null) {
                                failures.add(path + " " + answer.status() + " " + version);
                            } else {
                                int read = Integer.parseInt(version);
                                if (!seen.contains(read)) {
                                    seen.add(read);
                                }
                            }
                            reads.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(path + " " + e);
                        }
                    }
                });
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static Set<String> indexKeys(StandaloneQueryService service, String collection) {
        return service.database().getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                .map(index -> index.get("key", org.bson.Document.class).toJson()
                        + (index.getBoolean("unique", false) ? " unique" : ""))
                .collect(Collectors.toSet());
    }
}
