package com.customer360.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reads part of the benchmark: a customer with 10 orders and one with {@code largeOrders}, published to the local
 * stack's event topic and projected first, then read: details, the first page of the history and the last (by page
 * number and by cursor), each at {@link #RATE} open loop ({@link ReadSimulation}), then closed loop for its capacity
 * ({@link ReadCapacitySimulation}), then open loop again at half that capacity, where what is left of the p99 is the
 * stack's own tail and not a queue. The documents read are checked before the load; what the load itself measures —
 * times, the rate answered OK, KO answers — is a result against the targets, never a reason to fail the run. If the
 * load cannot be measured at all, its rows say why.
 */
final class ReadBenchmark {

    static final int RATE = 2_000;
    static final int SECONDS = 15;
    static final int WARM_UP_SECONDS = 5;
    private static final String CAPACITY = "≥ the open loop's 2,000/s";
    private static final String TAIL = "at half capacity ";

    private final BenchmarkReport report;
    private final List<String> wrong;
    private final int connections;

    ReadBenchmark(BenchmarkReport report, List<String> wrong, int connections) {
        this.report = report;
        this.wrong = wrong;
        this.connections = connections;
    }

    void run(LocalStack stack, int largeOrders, Path out) throws Exception {
        Map<String, String> paths = ReadPaths.publishAndCheck(stack, largeOrders, report, wrong);
        Map<String, Double> atRate = openLoop(stack, paths, out);
        Map<String, Double> capacities = capacity(stack, paths, out);
        tail(stack, paths, atRate, capacities, out);
        // The runs' outcomes are in the report now; a later part in this JVM (the scale part's heap) need not hold
        // them.
        ReadSchedule.forgetRuns();
    }

    /** The open loop at {@link #RATE}: each path's p99 by name, for those measured. */
    private Map<String, Double> openLoop(LocalStack stack, Map<String, String> paths, Path out) {
        GatlingRun reads;
        try {
            reads = load(
                    ReadSimulation.class,
                    stack,
                    paths,
                    out,
                    Map.of(
                            "benchmark.rate", Integer.toString(RATE),
                            "benchmark.warm-up-seconds", Integer.toString(WARM_UP_SECONDS)));
        } catch (Exception e) {
            paths.keySet().forEach(name -> report.add(BenchmarkReport.Row.failed(figure(name), target(name), e)));
            return Map.of();
        }
        Map<String, Double> p99s = new LinkedHashMap<>();
        ReadSchedule.Figures smallDetails =
                ReadSchedule.named("details, 10 orders").figures();
        ReadSchedule.Figures smallPage =
                ReadSchedule.named("history page 1, 10 orders").figures();
        for (String name : paths.keySet()) {
            ReadSchedule.Figures figures = ReadSchedule.named(name).figures();
            boolean details = name.startsWith("details");
            ReadSchedule.Figures base = details ? smallDetails : smallPage;
            double limit = bound(name);
            Double ratio = base.p99() > 0 && figures.ok() > 0 ? figures.p99() / base.p99() : null;
            boolean keptUp = figures.ko() == 0;
            p99s.put(name, figures.p99());
            report.add(new BenchmarkReport.Row(
                    figure(name),
                    figures.p99(),
                    "ms",
                    details ? "details, 10 orders" : "page 1, 10 orders",
                    base.p99(),
                    ratio,
                    target(name),
                    keptUp && figures.p99() <= limit && (ratio == null || Math.abs(ratio - 1) <= 0.2),
                    notes(figures, reads, name),
                    new BenchmarkReport.Load(figures.offeredPerSecond(), figures.perSecond(), figures.ko()),
                    null));
        }
        report.checked("reads: report " + out.relativize(reads.report));
        return p99s;
    }

    /**
     * The ceiling beside the open loop: each path over the same connections, closed loop, for {@link #SECONDS}. The
     * rate answered 200 is set against the rate the open loop offers.
     */
    private Map<String, Double> capacity(LocalStack stack, Map<String, String> paths, Path out) {
        GatlingRun runs;
        try {
            runs = load(ReadCapacitySimulation.class, stack, paths, out, Map.of());
        } catch (Exception e) {
            paths.keySet().forEach(name -> report.add(BenchmarkReport.Row.failed(capacityFigure(name), CAPACITY, e)));
            return Map.of();
        }
        Map<String, Double> capacities = new LinkedHashMap<>();
        for (String name : paths.keySet()) {
            GatlingRun.Stats stats = runs.stats(ReadCapacitySimulation.CAPACITY + name);
            double perSecond = stats.ok() / (double) SECONDS;
            capacities.put(name, perSecond);
            report.add(new BenchmarkReport.Row(
                    capacityFigure(name),
                    perSecond,
                    "requests/s",
                    "offered by the open loop",
                    (double) RATE,
                    perSecond / RATE,
                    CAPACITY,
                    perSecond >= RATE && stats.failed() == 0,
                    String.format(
                            "%,d answered 200 in %d s, %,d not; p50 %.0f ms, p99 %.0f ms (Gatling, from the moment sent)",
                            stats.ok(), SECONDS, stats.failed(), stats.p50(), stats.p99())));
        }
        report.checked("read capacity: report " + out.relativize(runs.report));
        return capacities;
    }

    /**
     * The tail where the stack cannot queue: each path again, open loop, at half the capacity just measured for it
     * (rounded down to tens), so what is left of its p99 is the stack's own — GC, threads, locks — not a queue. The
     * baseline is the same path's p99 at {@link #RATE}; the bound is the target's.
     */
    private void tail(
            LocalStack stack,
            Map<String, String> paths,
            Map<String, Double> atRate,
            Map<String, Double> capacities,
            Path out) {
        if (capacities.isEmpty()) {
            paths.keySet()
                    .forEach(name -> report.add(BenchmarkReport.Row.failed(
                            tailFigure(name, 0),
                            target(name, "with margin,"),
                            new IllegalStateException("no capacity measured"))));
            return;
        }
        Map<String, Integer> rates = new LinkedHashMap<>();
        paths.keySet().forEach(name -> rates.put(name, Math.max(10, (int) (capacities.get(name) / 2) / 10 * 10)));
        GatlingRun runs;
        try {
            runs = load(
                    ReadSimulation.class,
                    stack,
                    paths,
                    out,
                    Map.of(
                            "benchmark.prefix", TAIL,
                            "benchmark.rates",
                                    rates.values().stream().map(String::valueOf).collect(Collectors.joining(",")),
                            "benchmark.warm-up-seconds", Integer.toString(WARM_UP_SECONDS)));
        } catch (Exception e) {
            paths.keySet()
                    .forEach(name -> report.add(BenchmarkReport.Row.failed(
                            tailFigure(name, rates.get(name)), target(name, "with margin,"), e)));
            return;
        }
        for (String name : paths.keySet()) {
            ReadSchedule.Figures figures = ReadSchedule.named(TAIL + name).figures();
            Double base = atRate.get(name);
            report.add(new BenchmarkReport.Row(
                    tailFigure(name, rates.get(name)),
                    figures.p99(),
                    "ms",
                    String.format("the same at %,d/s", RATE),
                    base,
                    base == null || base.isNaN() || base == 0 || figures.ok() == 0 ? null : figures.p99() / base,
                    target(name, "with margin,"),
                    figures.ko() == 0 && figures.p99() <= bound(name),
                    notes(figures, runs, TAIL + name),
                    new BenchmarkReport.Load(figures.offeredPerSecond(), figures.perSecond(), figures.ko()),
                    null));
        }
        report.checked("reads at half capacity: report " + out.relativize(runs.report));
    }

    private static String tailFigure(String name, int rate) {
        return String.format("GET %s, p99 at half its capacity (%,d/s) open loop", name, rate);
    }

    private String capacityFigure(String name) {
        return String.format("GET %s, capacity over %d connections (closed loop)", name, connections);
    }

    /** Runs a simulation of the reads: the viewer's credentials, the paths, the connections, and {@code extra}. */
    private GatlingRun load(
            Class<?> simulation, LocalStack stack, Map<String, String> paths, Path out, Map<String, String> extra)
            throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(extra);
        // Gatling's runs read system properties, which stay set: every run says its own prefix and rates.
        properties.putIfAbsent("benchmark.prefix", "");
        properties.putIfAbsent("benchmark.rates", "");
        properties.put("benchmark.authorization", stack.authorization("viewer"));
        properties.put("benchmark.base", stack.queryApi().toString());
        properties.put("benchmark.seconds", Integer.toString(SECONDS));
        properties.put("benchmark.connections", Integer.toString(connections));
        properties.put(
                "benchmark.paths",
                paths.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("|")));
        return GatlingRun.run(simulation, out.resolve("gatling"), properties);
    }

    private String notes(ReadSchedule.Figures figures, GatlingRun reads, String name) {
        String sent;
        try {
            GatlingRun.Stats stats = reads.stats(name);
            sent = String.format(
                    ", Gatling's time from the moment sent: p50 %.0f ms, p99 %.0f ms", stats.p50(), stats.p99());
        } catch (IllegalStateException e) {
            sent = ", no Gatling figures (" + e.getMessage() + ")";
        }
        return String.format(
                "timed from when each request was due: p50 %.2f ms, p95 %.2f ms, max %.0f ms; %,d of %,d due answered"
                        + " 200, %,d failed or timed out, %,d dropped after waiting %d s for one of %d connections, %,d never"
                        + " sent%s",
                figures.p50(),
                figures.p95(),
                figures.max(),
                figures.ok(),
                figures.due(),
                figures.failed(),
                figures.dropped(),
                ReadSimulation.TIMEOUT.toSeconds(),
                connections,
                figures.missing(),
                sent);
    }

    private static String figure(String name) {
        return String.format("GET %s, p99 at %,d/s open loop", name, RATE);
    }

    /** The target's bound of a path's p99 in milliseconds: 5 for details, 10 for a history page. */
    private static int bound(String name) {
        return name.startsWith("details") ? 5 : 10;
    }

    private static String target(String name) {
        return target(name, "flat (±20 %),");
    }

    private static String target(String name, String condition) {
        return "≤ " + bound(name) + " ms " + condition + " every request answered";
    }
}
