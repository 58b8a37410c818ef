package com.customer360.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The views page as HTML and its forms: an analyst starts a rebuild, sees it catch up with its progress bar following
 * the progress stream, reads its (empty) diff, switches readers and rolls back with the page's CSRF token; an as-of
 * snapshot is offered on the customer pages, whose banner says which day they stand at and links back to live.
 */
class ViewPagesIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldRunAViewsLifeFromItsPageAndOfferSnapshotsOnTheCustomerPages() {
        try (StandaloneQueryService service = StandaloneQueryService.start("views-pages-" + run, Map.of())) {
            ViewHistories histories = new ViewHistories(run);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.addAll(histories.customer(i, 0, 4, true));
            }
            service.publisher().publishAll(events);
            service.publisher().awaitAllConsumed();
            TestHttp analyst = service.http("analyst");

            assertThat(service.http("viewer").get("/views").status()).isEqualTo(403);
            TestHttp.Answer page = analyst.get("/views");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<h1>Views</h1>", "customer-details", "No rebuilds yet.")
                    .contains("action=\"/views/rebuilds\"", ">Start rebuild</button>")
                    .contains("href=\"/views\">Views</a>")
                    .contains(
                            "<h2 id=\"sales-title\">store-sales</h2>",
                            "aria-label=\"Progress of the store-sales view\"");

            assertThat(post(analyst, "/views/rebuilds", "asOf=&switch=manual").status())
                    .isEqualTo(302);
            String rebuildId = analyst.get("/api/views/rebuilds")
                    .json()
                    .path("items")
                    .get(0)
                    .path("rebuildId")
                    .asText();
            await().atMost(Duration.ofSeconds(90)).until(() -> analyst.get("/api/views/rebuilds/" + rebuildId)
                    .json()
                    .path("state")
                    .asText()
                    .equals("CAUGHT_UP"));

            page = analyst.get("/views");
            assertThat(page.body())
                    .contains("sse-connect=\"/api/views/rebuilds/" + rebuildId + "/progress\"")
                    .contains("hx-get=\"/views/rebuilds/" + rebuildId + "/row\"", "hx-trigger=\"sse:progress\"")
                    .contains("<progress max=\"100\" value=\"100\"")
                    .contains("aria-label=\"Progress of rebuild " + rebuildId + "\"")
                    .contains(">Switch readers to version 2</button>", ">Cancel rebuild " + rebuildId + "</button>")
                    .contains("href=\"/views?diff=" + rebuildId + "\"");
            assertThat(analyst.get("/views/rebuilds/" + rebuildId + "/row").body())
                    .startsWith("<article")
                    .contains("CAUGHT_UP");
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> analyst.get("/views?diff=" + rebuildId).body(),
                            body -> body.contains("0 of 4 customers differ (compared at "));

            assertThat(post(analyst, "/views/rebuilds/" + rebuildId + "/switch", "")
                            .status())
                    .isEqualTo(302);
            assertThat(analyst.get("/api/views")
                            .json()
                            .path("items")
                            .get(0)
                            .path("active")
                            .asInt())
                    .isEqualTo(2);
            assertThat(analyst.get("/views").body()).contains(">Roll back to version 1</button>");
            assertThat(post(analyst, "/views/customer-details/rollback", "").status())
                    .isEqualTo(302);
            assertThat(analyst.get("/api/views")
                            .json()
                            .path("items")
                            .get(0)
                            .path("active")
                            .asInt())
                    .isEqualTo(1);
            // Without the page's token the form is refused.
            assertThat(analyst.sendAs("POST", "/views/customer-details/rollback", FORM, "")
                            .status())
                    .isEqualTo(403);

            assertThat(post(analyst, "/views/rebuilds", "asOf=2026-06-10&switch=manual")
                            .status())
                    .isEqualTo(302);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> analyst.get("/views").body().contains(">Browse this snapshot</a>"));
            int snapshot = analyst.get("/api/views/rebuilds")
                    .json()
                    .path("items")
                    .get(0)
                    .path("version")
                    .asInt();

            TestHttp viewer = service.http("viewer");
            assertThat(viewer.get("/").body())
                    .contains("<option value=\"" + snapshot + "\">As of 2026-06-10</option>")
                    .doesNotContain("Viewing as of");
            TestHttp.Answer asOf = viewer.get("/?view=" + snapshot);
            assertThat(asOf.status()).isEqualTo(200);
            assertThat(asOf.body())
                    .contains("Viewing as of 2026-06-10", "<a href=\"/\">back to live</a>")
                    .containsPattern(
                            "<option value=\"" + snapshot + "\"\\s+selected=\"selected\">As of 2026-06-10</option>");
            String customer = ViewHistories.customer(run, 0);
            assertThat(viewer.get("/customers/" + customer + "?view=" + snapshot)
                            .body())
                    .contains("Viewing as of 2026-06-10", "<a href=\"/customers/" + customer + "\">back to live</a>");
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Posts a form as a browser would: with the session and the CSRF token of the page it was on. */
    private static TestHttp.Answer post(TestHttp http, String path, String form) {
        TestHttp.Answer page = http.get("/views");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        String cookie = page.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return http.sendAs("POST", path, FORM, body, "Cookie", cookie);
    }
}
