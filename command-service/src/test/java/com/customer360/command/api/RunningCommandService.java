package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.command.CommandServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running command service shared by the example tests of the HTTP door: declared once here, so that Spring starts
 * a single context for all of them. It has a database, an event topic and an inbound topic of its own: instances in
 * one JVM share a token-store node id, so two relays on one event store would both publish every event.
 */
@SpringBootTest(
        classes = CommandServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
            "customer360.topics.events=" + RunningCommandService.EVENTS,
            "customer360.inbound.topic=http-examples-upstream",
            "customer360.inbound.dead-letter-topic=http-examples-upstream.dlq",
            // small, so that the refusal of a larger time range to re-publish can be seen
            "customer360.relay.republish-max-events=" + RunningCommandService.REPUBLISH_MAX_EVENTS
        })
abstract class RunningCommandService {

    static final String EVENTS = "http-examples-events";
    static final int REPUBLISH_MAX_EVENTS = 5;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register((name, value) -> registry.add(
                name,
                name.equals("spring.data.mongodb.uri")
                        ? () -> String.valueOf(value.get()).replace("/command-tests", "/http-examples")
                        : value));
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http(port);
    }

    RawHttp raw() {
        return new RawHttp(port);
    }

    static void assertProblem(Http.Response response, int status, String field) {
        String described = response.status() + " " + response.body();
        assertThat(response.status()).as(described).isEqualTo(status);
        assertThat(response.contentType()).as(described).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .as(described)
                .contains(field);
        assertThat(response.body().toString()).doesNotContain("Exception", "at com.", "at org.");
    }

    static void assertAccepted(Http.Response response) {
        assertThat(response.status())
                .as(response.status() + " " + response.body())
                .isBetween(200, 299);
    }
}
