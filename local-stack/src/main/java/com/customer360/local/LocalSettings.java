package com.customer360.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the local run, from {@code --name=value} arguments or {@code C360_NAME} environment variables.
 * Arguments of the form {@code --spring...}, {@code --server...}, {@code --customer360...} or {@code --logging...}
 * are passed on to both services.
 */
record LocalSettings(
        Path dataDirectory,
        int kafkaPort,
        int mongoPort,
        int commandPort,
        int queryPort,
        boolean demoData,
        int demoCustomers,
        int demoOrders,
        List<String> passThrough) {

    /** Any free ports and no demo data: a stack that can run beside others, as tests start it. */
    static LocalSettings onFreePorts(Path dataDirectory) {
        return new LocalSettings(dataDirectory, 0, 0, 0, 0, false, 0, 0, List.of());
    }

    static LocalSettings from(String[] args, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        List<String> passThrough = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("--(spring|server|customer360|logging|management)\\..+=.*")) {
                passThrough.add(arg);
            } else if (arg.matches("--[a-z-]+=.*")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; see the README's settings table");
            }
        }
        Settings s = new Settings(values, environment);
        return new LocalSettings(
                Path.of(s.get("data-dir", "./data")),
                s.number("kafka-port", 9092),
                s.number("mongo-port", 27017),
                s.number("command-port", 8081),
                s.number("query-port", 8080),
                Boolean.parseBoolean(s.get("demo-data", "true")),
                s.number("demo-customers", 300),
                s.number("demo-orders", 3000),
                List.copyOf(passThrough));
    }

    private record Settings(Map<String, String> args, Map<String, String> environment) {
        String get(String name, String fallback) {
            String env = "C360_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            return args.getOrDefault(name, environment.getOrDefault(env, fallback));
        }

        int number(String name, int fallback) {
            String value = get(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
