package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What operators and analysts did is kept: re-drives and exports are listed for administrators, newest first, with
 * who did it — and never with contact data, not even the email an analyst searched the list for.
 */
class AuditTrailIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldListWhoReDroveAndWhoExportedWithoutContactData() {
        String email = "audit." + run + "@example.com";
        String customer = "c-audit-" + run;
        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(new EventHistory().registered(customer, "Audit " + run, email, null))));

        assertThat(service.http("admin")
                        .post("/api/admin/dead-letters/redrive", null)
                        .status())
                .isEqualTo(200);
        TestHttp.Answer export =
                service.http("analyst").get("/api/customers/export.csv?q=" + email + "&hasDraft=false");
        assertThat(export.status()).isEqualTo(200);

        TestHttp.Answer trail = service.http("admin").get("/api/admin/audit?size=10");
        assertThat(trail.status()).isEqualTo(200);
        JsonNode newest = trail.json().get("items").get(0);
        JsonNode before = trail.json().get("items").get(1);
        assertThat(newest.get("action").asText()).isEqualTo("customers.export");
        assertThat(newest.get("actor").asText()).isEqualTo("analyst");
        assertThat(newest.get("details").get("search").asText()).isEqualTo("true");
        assertThat(newest.get("details").get("hasDraft").asText()).isEqualTo("false");
        assertThat(newest.get("details").get("masked").asText()).isEqualTo("true");
        assertThat(before.get("action").asText()).isEqualTo("dead-letters.redrive");
        assertThat(before.get("actor").asText()).isEqualTo("admin");
        assertThat(before.get("subject").asText()).isEqualTo("all");
        assertThat(trail.body()).doesNotContain(email, "audit." + run);

        TestHttp.Answer exportsOnly = service.http("admin").get("/api/admin/audit?action=customers.export&size=1");
        assertThat(exportsOnly.json().get("items").get(0).get("id").asText())
                .isEqualTo(newest.get("id").asText());
        String next = exportsOnly.json().get("nextBefore").asText();
        TestHttp.Answer older =
                service.http("admin").get("/api/admin/audit?action=customers.export&size=1&before=" + next);
        assertThat(older.json().get("items").findValuesAsText("id"))
                .doesNotContain(newest.get("id").asText());
    }

    @Test
    void shouldShowTheTrailToAdministratorsOnly() {
        assertThat(service.http("viewer").get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(service.http("analyst").get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(service.http(null).get("/api/admin/audit").status()).isEqualTo(401);
        TestHttp.Answer bad = service.http("admin").get("/api/admin/audit?size=5000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("size");
    }
}
