package com.customer360.local;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads of the query API at a fixed rate, open loop over a bounded pool of connections: each named path in turn, at
 * {@code benchmark.rate} or at its own rate from {@code benchmark.rates} (one per path, in order, comma-separated),
 * its runs named with the optional {@code benchmark.prefix}, which tells apart runs of the same path at other rates:
 * first a warm-up, then the measured run, each on its own {@link ReadSchedule}. {@code benchmark.connections} virtual
 * users share one pool of keep-alive connections (as a client application's pool would); each takes the next
 * request of the schedule, waits until it is due if it is early, sends it and takes the next. So at most that many
 * requests are in flight and that many connections open, whatever the server does, and a server slower than the
 * schedule shows as queueing time, as KO answers and as a rate answered below the offered one — never as a client
 * that runs out of file descriptors.
 *
 * <p>Gatling's {@code maxConnectionsPerHost} is not the bound: it caps the connections one virtual user opens to
 * fetch a page's resources, not a shared pool. The paths come from {@code benchmark.paths} as {@code name=path}
 * pairs separated by {@code |}.
 */
public class ReadSimulation extends Simulation {

    /** The prefix of a path's warm-up run; its measured run is named after the path alone. */
    static final String WARM_UP = "warm-up ";

    static final int DEFAULT_CONNECTIONS = 32;
    /** How long a request may wait for a connection, and then for its answer, before it counts as KO. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String SLOT = "slot";

    public ReadSimulation() {
        int rate = Integer.getInteger("benchmark.rate", 2_000);
        int seconds = Integer.getInteger("benchmark.seconds", 15);
        int warmUp = Integer.getInteger("benchmark.warm-up-seconds", 5);
        int connections = Integer.getInteger("benchmark.connections", DEFAULT_CONNECTIONS);
        String prefix = System.getProperty("benchmark.prefix", "");
        String ratesProperty = System.getProperty("benchmark.rates", "");
        String[] rates = ratesProperty.isBlank() ? new String[0] : ratesProperty.split(",");
        PopulationBuilder chain = null;
        List<String[]> paths = paths();
        if (rates.length != 0 && rates.length != paths.size()) {
            throw new IllegalArgumentException(
                    "benchmark.rates has " + rates.length + " rates for " + paths.size() + " paths: " + ratesProperty);
        }
        for (int i = 0; i < paths.size(); i++) {
            String[] path = paths.get(i);
            int pathRate = rates.length == 0 ? rate : Integer.parseInt(rates[i].trim());
            PopulationBuilder warm = run(WARM_UP + prefix + path[0], path[1], pathRate, warmUp, connections);
            PopulationBuilder measured = run(prefix + path[0], path[1], pathRate, seconds, connections);
            chain = chain == null ? warm.andThen(measured) : chain.andThen(warm.andThen(measured));
        }
        setUp(chain).protocols(protocol());
    }

    /** The query API with the viewer's credentials, every virtual user drawing on one pool of connections. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(System.getProperty("benchmark.base"))
                .header("Authorization", System.getProperty("benchmark.authorization"))
                .acceptHeader("application/json")
                .shareConnections();
    }

    /** The named paths of {@code benchmark.paths}, each as {name, path}, in order. */
    static List<String[]> paths() {
        return Stream.of(System.getProperty("benchmark.paths").split("\\|"))
                .map(pair -> pair.split("=", 2))
                .toList();
    }

    private static PopulationBuilder run(String name, String path, int rate, int seconds, int connections) {
        ReadSchedule schedule = ReadSchedule.create(name, rate, seconds, TIMEOUT);
        ChainBuilder claim = exec(session -> session.set(SLOT, schedule.claim()));
        ChainBuilder send = exec(http(name).get(path).requestTimeout(TIMEOUT).check(status().is(200)))
                .exec(session -> {
                    schedule.answered(session.getLong(SLOT), !session.isFailed());
                    return session.markAsSucceeded();
                });
        ChainBuilder drop = exec(session -> {
            schedule.dropped(session.getLong(SLOT));
            return session;
        });
        return scenario(name)
                .exec(claim)
                .asLongAs(session -> session.getLong(SLOT) < schedule.due)
                .on(pause(session -> schedule.untilDue(session.getLong(SLOT)))
                        .doIfOrElse(session -> schedule.tooLate(session.getLong(SLOT)))
                        .then(drop)
                        .orElse(send)
                        .exec(claim))
                .injectOpen(atOnceUsers(connections));
    }
}
