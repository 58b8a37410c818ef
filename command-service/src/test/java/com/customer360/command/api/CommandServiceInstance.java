package com.customer360.command.api;

import com.customer360.command.CommandServiceApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A command service started by a test, as a separate instance would be in production. */
final class CommandServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    CommandServiceInstance(String mongoUri, String bootstrapServers, Map<String, String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = CommandServiceApplication.application().run(args.toArray(String[]::new));
    }

    Http http() {
        return new Http(port());
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
