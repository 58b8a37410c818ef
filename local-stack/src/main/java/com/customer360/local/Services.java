package com.customer360.local;

import com.customer360.command.CommandServiceApplication;
import com.customer360.query.QueryServiceApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the two services as separate Spring application contexts in this JVM. Their classes share one class path
 * here, so the query service is told to ignore Axon's auto-configuration, which only the command service uses.
 */
final class Services {

    private Services() {}

    static ConfigurableApplicationContext startCommandService(Map<String, String> settings, List<String> extraArgs) {
        return CommandServiceApplication.application().run(args(settings, extraArgs));
    }

    static ConfigurableApplicationContext startQueryService(Map<String, String> settings, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of(args(settings, extraArgs)));
        args.add("--spring.autoconfigure.exclude=" + axonAutoConfigurations());
        return QueryServiceApplication.application().run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String[] args(Map<String, String> settings, List<String> extraArgs) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(extraArgs);
        return args.toArray(String[]::new);
    }

    static String axonAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, Services.class.getClassLoader()).getCandidates().stream()
                .filter(name -> name.startsWith("org.axonframework."))
                .collect(Collectors.joining(","));
    }
}
