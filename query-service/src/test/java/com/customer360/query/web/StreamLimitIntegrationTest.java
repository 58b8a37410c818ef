package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.StandaloneQueryService;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One user cannot hold more event streams open than the limit; the next one gets 429, another user is not affected. */
class StreamLimitIntegrationTest {

    private static StandaloneQueryService service;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = StandaloneQueryService.start("stream-limit", Map.of("customer360.live.max-streams-per-user", "2"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldRefuseTheStreamPastTheLimitOfOneUser() throws Exception {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            open.add(stream("viewer"));
            open.add(stream("viewer"));
            HttpResponse<InputStream> third = stream("viewer");
            HttpResponse<InputStream> another = stream("analyst");
            open.add(another);

            assertThat(open.get(0).statusCode()).isEqualTo(200);
            assertThat(open.get(1).statusCode()).isEqualTo(200);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(new String(third.body().readAllBytes())).contains("Too many at once");
            assertThat(another.statusCode()).isEqualTo(200);
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    private static HttpResponse<InputStream> stream(String role) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.http().base() + "/api/customers/updates"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", service.http(role).authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
