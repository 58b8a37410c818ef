package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack keeps its data under the data directory: what was there before a restart is there after it. */
class LocalStackRestartIntegrationTest {

    @TempDir
    Path data;

    private LocalStack start() throws Exception {
        LocalStack stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
        return stack;
    }

    @Test
    void shouldKeepCustomersOrdersAndTheirFiguresAcrossARestart() throws Exception {
        try (LocalStack first = start()) {
            Api api = new Api(first);
            api.command(
                    "POST",
                    "/api/customers",
                    "{\"customerId\":\"c-1\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
            api.command(
                    "POST",
                    "/api/orders",
                    """
                    {"orderId":"o-1","customerId":"c-1","storeId":"s","currency":"JPY",
                     "lines":[{"sku":"A","name":"A","quantity":3,"unitPrice":"1200"}],
                     "shippingAddress":{"line1":"1-1 Chiyoda","city":"Tokyo","postalCode":"100-0001","country":"JP"}}""");
            await().atMost(Duration.ofSeconds(10)).until(() -> lifetimeValue(api) != null);
        }

        try (LocalStack second = start()) {
            Api api = new Api(second);
            assertThat(lifetimeValue(api)).isEqualTo("3600");
            api.command("POST", "/api/orders/o-1/refunds", "{\"amount\":\"600\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> "3000".equals(lifetimeValue(api)));
        }
    }

    private static String lifetimeValue(Api api) {
        JsonNode customer = api.query("/api/customers/c-1");
        return customer == null || customer.get("summaries").isEmpty()
                ? null
                : customer.at("/summaries/0/lifetimeValue").asText();
    }
}
