package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;

/**
 * The example tests of the HTTP door share one running command service, {@link StandaloneCommandService#examples()},
 * each with customer and order ids of its own; this gives them its clients and the checks of an answer they share.
 */
abstract class RunningCommandService {

    static final int REPUBLISH_MAX_EVENTS = StandaloneCommandService.REPUBLISH_MAX_EVENTS;

    static StandaloneCommandService service() {
        return StandaloneCommandService.examples();
    }

    TestHttp http() {
        return service().http();
    }

    RawHttp raw() {
        return service().raw();
    }

    static void assertProblem(TestHttp.Answer response, int status, String field) {
        String described = response.status() + " " + response.body();
        assertThat(response.status()).as(described).isEqualTo(status);
        assertThat(response.contentType()).as(described).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .as(described)
                .contains(field);
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
    }

    static void assertAccepted(TestHttp.Answer response) {
        assertThat(response.status())
                .as(response.status() + " " + response.body())
                .isBetween(200, 299);
    }
}
