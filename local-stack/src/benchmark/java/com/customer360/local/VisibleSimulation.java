package com.customer360.local;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * From a command to its effect in the query API, open loop at a fixed rate ({@code benchmark.rate} registrations a
 * second, sent on schedule): each virtual user registers a customer, then asks the query API for it every
 * {@code benchmark.poll-millis} until it answers 200 (at most 10 s). The group's duration (Gatling's group duration
 * metric, switched on by the runner) is the command-to-visible time, to within one poll.
 */
public class VisibleSimulation extends Simulation {

    static final String GROUP = "command to visible";

    public VisibleSimulation() {
        String commandBase = System.getProperty("benchmark.base");
        String queryBase = System.getProperty("benchmark.query-base");
        String run = System.getProperty("benchmark.run");
        int rate = Integer.getInteger("benchmark.rate", 200);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int warmUp = Integer.getInteger("benchmark.warm-up-seconds", 5);
        Duration poll = Duration.ofMillis(Integer.getInteger("benchmark.poll-millis", 5));
        HttpProtocolBuilder protocol = http.baseUrl(commandBase)
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .shareConnections();
        String writer = System.getProperty("benchmark.authorization");
        String viewer = System.getProperty("benchmark.query-authorization");
        setUp(scenario("warm-up")
                        .exec(visible("warm-up " + GROUP, run + "-warm", queryBase, writer, viewer, poll))
                        .injectOpen(constantUsersPerSec(rate).during(warmUp))
                        .andThen(scenario("visible")
                                .exec(visible(GROUP, run, queryBase, writer, viewer, poll))
                                .injectOpen(constantUsersPerSec(rate).during(seconds))))
                .protocols(protocol);
    }

    private static ChainBuilder visible(
            String name, String run, String queryBase, String writer, String viewer, Duration poll) {
        return exec(session -> session.set("id", "visible-" + run + "-" + session.userId())
                        .set("seen", false)
                        .set("polls", 0))
                .group(name)
                .on(exec(http(name + ": command")
                                .post("/api/customers")
                                .header("Authorization", writer)
                                .body(
                                        StringBody(
                                                "{\"customerId\":\"#{id}\",\"name\":\"Bench\",\"email\":\"#{id}@example.com\"}"))
                                .check(status().is(201)))
                        .asLongAs(session -> !session.getBoolean("seen") && session.getInt("polls") < 2_000)
                        .on(exec(session -> session.set("polls", session.getInt("polls") + 1))
                                .exec(http(name + ": query")
                                        .get(queryBase + "/api/customers/#{id}")
                                        .header("Authorization", viewer)
                                        .check(status().in(200, 404).saveAs("status")))
                                .exec(session -> session.set("seen", session.getInt("status") == 200))
                                .doIf(session -> !session.getBoolean("seen"))
                                .then(pause(poll))));
    }
}
