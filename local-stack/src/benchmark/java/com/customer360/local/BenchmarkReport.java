package com.customer360.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's one table: each figure with the baseline measured beside it in the same run, their ratio, the
 * target and whether it was met, for figures measured at a fixed rate the rate answered OK beside the offered one
 * and the KO count, and the machine it ran on. A part that failed keeps its rows, marked failed with the reason. A
 * missed target is a result, not a failure of the run: only wrong documents fail it. Printed, and written as
 * Markdown and JSON.
 */
final class BenchmarkReport {

    /**
     * One figure. {@code baseline} and {@code ratio} are absent for figures that are only reported; {@code met} is
     * absent when the figure has no target; {@code load} is absent unless the figure was measured at a fixed rate;
     * {@code failed} is the reason when the part that measures it failed (then {@code value} is not a figure).
     */
    record Row(
            String figure,
            double value,
            String unit,
            String baselineName,
            Double baseline,
            Double ratio,
            String target,
            Boolean met,
            String notes,
            Load load,
            String failed) {

        Row(
                String figure,
                double value,
                String unit,
                String baselineName,
                Double baseline,
                Double ratio,
                String target,
                Boolean met,
                String notes) {
            this(figure, value, unit, baselineName, baseline, ratio, target, met, notes, null, null);
        }

        /** A figure its part could not measure: the row stays in the table, with the reason. */
        static Row failed(String figure, String target, Exception reason) {
            String why = (reason.getClass().getSimpleName() + ": " + reason.getMessage()).replaceAll("\\s+", " ");
            return new Row(figure, Double.NaN, "", null, null, null, target, null, null, null, why);
        }
    }

    /** The requests a fixed-rate run offered per second, those answered OK per second, and those that were not. */
    record Load(double offeredPerSecond, double okPerSecond, long ko) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final Instant started = Instant.now();

    void add(Row row) {
        rows.add(row);
    }

    /** What the run verified about the documents it produced. */
    void checked(String what) {
        checks.add(what);
    }

    Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put(
                "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return machine;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        Map<String, Object> machine = machine();
        out.append(String.format(
                "Run of %s on %s cores, %s, max heap %s MiB, load average %.1f at the end%n%n",
                started, machine.get("cores"), machine.get("jvm"), machine.get("maxHeapMiB"), (Double)
                        machine.get("loadAverageAtEnd")));
        out.append("| figure | value | baseline (same run) | ratio | target | met | answered OK / offered, KO |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s |%n",
                    row.figure(),
                    row.failed() != null ? "—" : number(row.value()) + " " + row.unit(),
                    row.baseline() == null ? "" : row.baselineName() + ": " + number(row.baseline()),
                    row.ratio() == null ? "" : String.format("%.2f×", row.ratio()),
                    row.target() == null ? "reported" : row.target(),
                    row.failed() != null ? "**failed**" : row.met() == null ? "" : row.met() ? "yes" : "**no**",
                    load(row.load())));
        }
        out.append("\n");
        for (Row row : rows) {
            if (row.failed() != null) {
                out.append("- ")
                        .append(row.figure())
                        .append(": **failed**, ")
                        .append(row.failed())
                        .append('\n');
            } else if (row.notes() != null) {
                out.append("- ")
                        .append(row.figure())
                        .append(": ")
                        .append(row.notes())
                        .append('\n');
            }
        }
        out.append("\nVerified in this run:\n");
        checks.forEach(check -> out.append("- ").append(check).append('\n'));
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("benchmark.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("machine", machine());
        json.put("figures", rows);
        json.put("verified", checks);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("benchmark.json").toFile(), json);
    }

    private static String load(Load load) {
        if (load == null) {
            return "";
        }
        return String.format(
                "%s/s of %s/s, %,d KO", number(load.okPerSecond()), number(load.offeredPerSecond()), load.ko());
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100 ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
