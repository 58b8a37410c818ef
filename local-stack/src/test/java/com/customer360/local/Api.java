package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The two HTTP APIs as a test sees them: commands that must succeed, and JSON read back. */
final class Api {

    private final TestHttp commands;
    private final TestHttp queries;

    Api(URI commands, URI queries) {
        this(new TestHttp(commands), new TestHttp(queries));
    }

    Api(TestHttp commands, TestHttp queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Sends a command and checks it was accepted (2xx). */
    JsonNode command(String method, String path, String body) {
        TestHttp.Answer answer = commands.send(method, path, body == null ? "" : body);
        assertThat(answer.status())
                .as(method + " " + path + ": " + answer.body())
                .isBetween(200, 299);
        return answer.json();
    }

    /** Reads from the query API; {@code null} while it answers 404. */
    JsonNode query(String path) {
        TestHttp.Answer answer = queries.get(path);
        if (answer.status() == 404) {
            return null;
        }
        assertThat(answer.status()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }
}
