package com.customer360.local;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the query API at a fixed rate, open loop (a request is sent on schedule, whether or not the previous
 * answers came back, so queueing shows in the times): each named path in turn, first a warm-up, then the measured
 * run. The paths come from {@code benchmark.paths} as {@code name=path} pairs separated by {@code |}.
 */
public class ReadSimulation extends Simulation {

    /** The name of a path's measured requests in the report, and the prefix of its warm-up. */
    static final String WARM_UP = "warm-up ";

    public ReadSimulation() {
        String base = System.getProperty("benchmark.base");
        String authorization = System.getProperty("benchmark.authorization");
        int rate = Integer.getInteger("benchmark.rate", 2_000);
        int seconds = Integer.getInteger("benchmark.seconds", 15);
        int warmUp = Integer.getInteger("benchmark.warm-up-seconds", 5);
        HttpProtocolBuilder protocol = http.baseUrl(base)
                .header("Authorization", authorization)
                .acceptHeader("application/json")
                // One pool of keep-alive connections for all virtual users, as a client application would have.
                .shareConnections();
        List<String[]> paths = new ArrayList<>();
        for (String pair : System.getProperty("benchmark.paths").split("\\|")) {
            paths.add(pair.split("=", 2));
        }
        PopulationBuilder chain = null;
        for (String[] path : paths) {
            PopulationBuilder warm = run(WARM_UP + path[0], path[1], rate, warmUp);
            PopulationBuilder measured = run(path[0], path[1], rate, seconds);
            chain = chain == null ? warm.andThen(measured) : chain.andThen(warm.andThen(measured));
        }
        setUp(chain).protocols(protocol);
    }

    private static PopulationBuilder run(String name, String path, int rate, int seconds) {
        ScenarioBuilder scenario = scenario(name).exec(http(name).get(path).check(status().is(200)));
        return scenario.injectOpen(constantUsersPerSec(rate).during(seconds));
    }
}
