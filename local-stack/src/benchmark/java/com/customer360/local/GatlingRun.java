package com.customer360.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in this JVM and reads back the figures of its HTML report ({@code js/stats.js}): per
 * request or group name, the count, failures, mean rate over the whole simulation and percentiles (milliseconds, as Gatling reports them).
 */
final class GatlingRun {

    /** One request's or group's figures. */
    record Stats(long ok, long failed, double perSecond, double p50, double p95, double p99, double max) {}

    private final Map<String, Stats> byName = new HashMap<>();
    final Path report;

    private GatlingRun(Path report) {
        this.report = report;
    }

    static GatlingRun run(Class<?> simulation, Path results, Map<String, String> properties) throws IOException {
        // Gatling would otherwise send anonymous usage data over the network; groups are timed by their duration.
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.charting.useGroupDurationMetric", "true");
        properties.forEach(System::setProperty);
        Files.createDirectories(results);
        StackLogging.keep();
        int status;
        try {
            status = Gatling$.MODULE$.fromArgs(
                    new String[] {"--simulation", simulation.getName(), "--results-folder", results.toString()});
        } finally {
            StackLogging.restore();
        }
        Path report;
        try (Stream<Path> runs = Files.list(results)) {
            report = runs.filter(p -> p.getFileName()
                            .toString()
                            .startsWith(simulation.getSimpleName().toLowerCase()))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report, status " + status));
        }
        GatlingRun run = new GatlingRun(report);
        // The report keeps its figures in js/stats.js: a JavaScript object literal, some of its keys unquoted.
        String script = Files.readString(report.resolve("js/stats.js"));
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES);
        run.collect(json.readTree(script.substring(script.indexOf('{'))));
        return run;
    }

    Stats stats(String name) {
        Stats stats = byName.get(name);
        if (stats == null) {
            throw new IllegalStateException("no figures for '" + name + "' in " + report + ": " + byName.keySet());
        }
        return stats;
    }

    private void collect(JsonNode node) {
        JsonNode stats = node.path("stats");
        if (!stats.isMissingNode()) {
            byName.put(
                    stats.path("name").asText(),
                    new Stats(
                            stats.at("/numberOfRequests/ok").asLong(),
                            stats.at("/numberOfRequests/ko").asLong(),
                            stats.at("/meanNumberOfRequestsPerSecond/ok").asDouble(),
                            stats.at("/percentiles1/ok").asDouble(),
                            stats.at("/percentiles3/ok").asDouble(),
                            stats.at("/percentiles4/ok").asDouble(),
                            stats.at("/maxResponseTime/ok").asDouble()));
        }
        node.path("contents").forEach(this::collect);
    }
}
