package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An as-of snapshot equals the live view computed from only the events recorded up to its moment: the same answers,
 * byte for byte, from every customer and order endpoint, the list and its export, read with {@code ?view=}.
 */
class AsOfSnapshotIntegrationTest {

    private static final Instant BEFORE = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-06-20T00:00:00Z");
    private static final String AS_OF = "2026-06-15T00:00:00Z";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldEqualTheLiveViewOfOnlyTheEventsUpToItsMoment() {
        ViewHistories histories = new ViewHistories(run);
        List<EventEnvelope> before = new ArrayList<>();
        List<EventEnvelope> after = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.addAll(histories.customer(i, 0, 4, true));
        }
        for (int i = 0; i < 6; i++) {
            after.addAll(histories.customer(i, 4, 7, false));
        }
        for (int i = 6; i < 8; i++) {
            after.addAll(histories.customer(i, 0, 2, true));
        }
        try (StandaloneQueryService service = StandaloneQueryService.start("views-asof-" + run, Map.of());
                StandaloneQueryService reference = StandaloneQueryService.start("views-asof-ref-" + run, Map.of())) {
            service.publisher().publishAll(ViewHistories.recordedAt(before, BEFORE));
            service.publisher().publishAll(ViewHistories.recordedAt(after, AFTER));
            reference.publisher().publishAll(ViewHistories.recordedAt(before, BEFORE));
            service.publisher().awaitAllConsumed();
            reference.publisher().awaitAllConsumed();

            TestHttp analyst = service.http("analyst");
            TestHttp.Answer started =
                    analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\",\"asOf\":\"" + AS_OF + "\"}");
            assertThat(started.status()).isEqualTo(202);
            String rebuildId = started.json().get("rebuildId").asText();
            int version = started.json().get("version").asInt();
            await().atMost(Duration.ofSeconds(60)).until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .get("state")
                    .asText()
                    .equals("CAUGHT_UP"));
            assertThat(analyst.get("/api/views/rebuilds/" + rebuildId)
                            .json()
                            .get("asOf")
                            .asText())
                    .isEqualTo(AS_OF);
            assertThat(analyst.post("/api/views/rebuilds/" + rebuildId + "/switch", null)
                            .status())
                    .isEqualTo(409);

            TestHttp viewer = service.http("viewer");
            TestHttp expected = reference.http("viewer");
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String customerId = ViewHistories.customer(run, i);
                paths.add("/api/customers/" + customerId);
                paths.add("/api/customers/" + customerId + "/orders?size=100");
                paths.add("/api/customers/" + customerId + "/timeline?size=50");
            }
            paths.add("/api/orders/o-" + run + "-0-3");
            paths.add("/api/orders/o-" + run + "-0-5");
            paths.add("/api/customers?size=100");
            paths.add("/api/customers/export.csv");
            for (String path : paths) {
                TestHttp.Answer snapshot = viewer.get(path + (path.contains("?") ? "&" : "?") + "view=" + version);
                TestHttp.Answer live = expected.get(path);
                assertThat(snapshot.status()).as(path).isEqualTo(live.status());
                assertThat(snapshot.body()).as(path).isEqualTo(live.body());
                assertThat(snapshot.header("X-View-Version")).as(path).contains(String.valueOf(version));
            }
            // The live view has the later events.
            assertThat(viewer.get("/api/customers/" + ViewHistories.customer(run, 6))
                            .status())
                    .isEqualTo(200);
            assertThat(viewer.get("/api/customers/" + ViewHistories.customer(run, 0) + "/orders")
                            .json()
                            .get("totalItems")
                            .asLong())
                    .isEqualTo(7);
        }
    }
}
