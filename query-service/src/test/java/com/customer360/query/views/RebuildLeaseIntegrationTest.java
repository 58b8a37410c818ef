package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one store and topic never run the same rebuild twice: of two requests at once
 * only one starts a rebuild, only one instance consumes into its version at any moment, and when that instance stops
 * the other takes the rebuild over from its committed position and finishes it.
 */
class RebuildLeaseIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldRunOneRebuildOnOneInstanceAtATimeAndHandItOverWhenThatInstanceStops() throws Exception {
        String name = "views-lease-" + run;
        Map<String, String> settings = Map.of(
                "customer360.views.max-events-per-second", "150",
                "customer360.views.slice-events", "50",
                "customer360.views.lease-duration", "3s");
        StandaloneQueryService first = StandaloneQueryService.start(name, settings);
        StandaloneQueryService second = StandaloneQueryService.start(name, settings);
        try {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                events.addAll(histories.customer(i, 0, 6, true));
            }
            first.publisher().publishAll(events);
            first.publisher().awaitAllConsumed();

            String body = "{\"view\":\"customer-details\"}";
            CompletableFuture<TestHttp.Answer> a =
                    CompletableFuture.supplyAsync(() -> first.http("analyst").post("/api/views/rebuilds", body));
            CompletableFuture<TestHttp.Answer> b =
                    CompletableFuture.supplyAsync(() -> second.http("analyst").post("/api/views/rebuilds", body));
            List<Integer> statuses = List.of(a.get().status(), b.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
            String rebuildId = (a.get().status() == 202 ? a.get() : b.get())
                    .json()
                    .get("rebuildId")
                    .asText();

            RebuildSupervisor one = first.bean(RebuildSupervisor.class);
            RebuildSupervisor two = second.bean(RebuildSupervisor.class);
            List<String> twice = new CopyOnWriteArrayList<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    Set<String> here = one.runningHere();
                    Set<String> there = two.runningHere();
                    if (here.contains(rebuildId) && there.contains(rebuildId)) {
                        twice.add("both instances consume into the rebuild");
                    }
                    Thread.onSpinWait();
                }
            });
            watcher.setDaemon(true);
            watcher.start();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> one.runningHere().contains(rebuildId)
                            || two.runningHere().contains(rebuildId));
            TestHttp analyst = first.http("analyst");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                                    .json()
                                    .get("eventsApplied")
                                    .asLong()
                            > 100);
            boolean firstRuns = one.runningHere().contains(rebuildId);
            StandaloneQueryService owner = firstRuns ? first : second;
            StandaloneQueryService survivor = firstRuns ? second : first;
            RebuildSupervisor survivorSupervisor = firstRuns ? two : one;
            watching.set(false);
            watcher.join();
            owner.close();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> survivorSupervisor.runningHere().contains(rebuildId));
            TestHttp survivorAnalyst = survivor.http("analyst");
            await().atMost(Duration.ofSeconds(120)).until(() -> survivorAnalyst
                    .get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .get("state")
                    .asText()
                    .equals("CAUGHT_UP"));
            assertThat(survivorAnalyst
                            .get("/api/views/rebuilds/" + rebuildId)
                            .json()
                            .get("eventsApplied")
                            .asLong())
                    .isEqualTo(events.size());
            assertThat(Diffs.ready(survivorAnalyst, rebuildId, "")
                            .get("customersDiffering")
                            .asLong())
                    .isZero();
            assertThat(twice).isEmpty();
        } finally {
            first.close();
            second.close();
        }
    }
}
