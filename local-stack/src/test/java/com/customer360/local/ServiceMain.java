package com.customer360.local;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs one service in a JVM of its own, for {@link ServiceProcess}: {@code query|command --name=value ...}. */
public final class ServiceMain {

    private ServiceMain() {}

    public static void main(String[] args) {
        List<String> settings = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("query")) {
            Services.startQueryService(Map.of(), settings);
        } else {
            Services.startCommandService(Map.of(), settings);
        }
    }
}
