package com.customer360.local;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Commands through the HTTP API, closed loop: {@code benchmark.clients} clients, each sending
 * {@code benchmark.per-client} registrations one after the other. The benchmark runs it once to warm up, then again
 * to measure, so that the mean rate of a run is that run's alone.
 */
public class CommandSimulation extends Simulation {

    static final String MEASURED = "register customer";

    public CommandSimulation() {
        String base = System.getProperty("benchmark.base");
        String run = System.getProperty("benchmark.run");
        int clients = Integer.getInteger("benchmark.clients", 16);
        int perClient = Integer.getInteger("benchmark.per-client", 250);
        HttpProtocolBuilder protocol = http.baseUrl(base)
                .header("Authorization", System.getProperty("benchmark.authorization"))
                .contentTypeHeader("application/json")
                .acceptHeader("application/json");
        setUp(scenario("commands").exec(registrations(MEASURED, run, perClient)).injectOpen(atOnceUsers(clients)))
                .protocols(protocol);
    }

    private static ChainBuilder registrations(String name, String run, int count) {
        return repeat(count, "i")
                .on(exec(session ->
                                session.set("id", "bench-" + run + "-" + session.userId() + "-" + session.getInt("i")))
                        .exec(http(name)
                                .post("/api/customers")
                                .body(
                                        StringBody(
                                                "{\"customerId\":\"#{id}\",\"name\":\"Bench\",\"email\":\"#{id}@example.com\"}"))
                                .check(status().is(201))));
    }
}
