package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The two HTTP APIs as a test sees them: commands that must succeed, and JSON read back. */
final class Api {

    private final TestHttp commands;
    private final TestHttp queries;

    /** Commands as the stack's {@code writer}, queries as its {@code admin}, who also sees dead letters. */
    Api(LocalStack stack) {
        this(
                new TestHttp(stack.commandApi()).authorizedBy(stack.authorization("writer")),
                new TestHttp(stack.queryApi()).authorizedBy(stack.authorization("admin")));
    }

    /** Commands as {@code writer}, queries as {@code admin}, of the users tests sign in with ({@link TestUsers}). */
    static Api ofTestUsers(int commandPort, int queryPort) {
        return new Api(
                TestUsers.as(new TestHttp(commandPort), "writer"), TestUsers.as(new TestHttp(queryPort), "admin"));
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

    /**
     * Returns once the figures of every customer stopped changing (the CSV export of the list is the same twice, two
     * seconds apart): every event sent before is projected.
     */
    void awaitSettled() {
        AtomicReference<String> previous = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String now = queries.get("/api/customers/export.csv").body();
                    return now.equals(previous.getAndSet(now));
                });
    }
}
