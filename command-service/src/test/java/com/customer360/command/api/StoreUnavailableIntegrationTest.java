package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While the event store cannot be reached a command is answered 503, a problem that tells the caller to send it again
 * shortly, not a 500 that blames the service. The store is the product's file-backed one, but the test's own, so
 * that it can stop it; the broker is the shared one.
 */
class StoreUnavailableIntegrationTest {

    @Test
    void shouldAnswerServiceUnavailableWhileTheEventStoreCannotBeReached() throws IOException {
        Path directory = Files.createTempDirectory("c360-unavailable-store-");
        EmbeddedMongoServer store = EmbeddedMongoServer.persistent(directory, 0);
        try (StandaloneCommandService service = StandaloneCommandService.start(
                "store-unavailable",
                Map.of(
                        "spring.data.mongodb.uri",
                        store.connectionString() + "/store-unavailable?serverSelectionTimeoutMS=1500"))) {
            TestHttp http = service.http();
            assertThat(register(http, "c-before").status()).isEqualTo(201);

            store.close();
            List<TestHttp.Answer> answers = List.of(
                    register(http, "c-while-down"),
                    http.post("/api/orders/o-1/cancel", "{}", "Idempotency-Key", "k-1"),
                    http.post("/api/admin/relay/republish", "{\"aggregate\":\"customer:c-before\"}"));

            for (TestHttp.Answer answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().path("type").asText()).endsWith("/unavailable");
                assertThat(answer.body()).doesNotContain("Exception", "ada@example.com");
            }
        } finally {
            store.close();
        }
    }

    private static TestHttp.Answer register(TestHttp http, String customerId) {
        return http.post(
                "/api/customers",
                "{\"customerId\":\"%s\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}".formatted(customerId));
    }
}
