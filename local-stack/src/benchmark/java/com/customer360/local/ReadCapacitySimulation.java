package com.customer360.local;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The ceiling of the reads: the same paths as {@link ReadSimulation}, over the same number of shared keep-alive
 * connections, but closed loop — each connection sends its next request as soon as the last is answered, for
 * {@code benchmark.seconds} per path. The rate answered is the most this stack serves for that path on this machine,
 * with Gatling beside it; below the open loop's offered rate, the open loop can only queue.
 */
public class ReadCapacitySimulation extends Simulation {

    /** The prefix of a path's run here: the open loop's run of the path has the path's name alone. */
    static final String CAPACITY = "capacity ";

    public ReadCapacitySimulation() {
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int connections = Integer.getInteger("benchmark.connections", ReadSimulation.DEFAULT_CONNECTIONS);
        PopulationBuilder chain = null;
        for (String[] path : ReadSimulation.paths()) {
            String name = CAPACITY + path[0];
            PopulationBuilder run = scenario(name)
                    .during(Duration.ofSeconds(seconds))
                    .on(http(name)
                            .get(path[1])
                            .requestTimeout(ReadSimulation.TIMEOUT)
                            .check(status().is(200)))
                    .injectOpen(atOnceUsers(connections));
            chain = chain == null ? run : chain.andThen(run);
        }
        setUp(chain).protocols(ReadSimulation.protocol());
    }
}
