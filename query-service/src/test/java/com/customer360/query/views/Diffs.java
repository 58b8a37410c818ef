package com.customer360.query.views;

import static org.awaitility.Awaitility.await;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Starting a rebuild, and its diff once it is made (the API answers 202 with its progress while it is being made). */
final class Diffs {

    private Diffs() {}

    /** Starts a rebuild of the customer-details view; its id. */
    static String startRebuild(TestHttp analyst) {
        return analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}")
                .json()
                .get("rebuildId")
                .asText();
    }

    static JsonNode ready(TestHttp analyst, String rebuildId, String query) {
        String path = "/api/views/rebuilds/" + rebuildId + "/diff" + query;
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> analyst.get(path), answer -> answer.status() == 200)
                .json();
    }
}
