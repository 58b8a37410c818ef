package com.customer360.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started by a test the way its {@code main} starts it — its own application builder, its own properties
 * file, command-line settings on top — so that a test can stop it, even in the middle of its work, and start it
 * again on the same infrastructure.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param application the service's own builder, such as {@code QueryServiceApplication.application()}
     * @param settings properties given as {@code --name=value} arguments
     * @param testConfiguration extra configuration classes (test beans)
     */
    public static RunningService start(
            SpringApplicationBuilder application, Map<String, String> settings, Class<?>... testConfiguration) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--spring.main.banner-mode=off");
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new RunningService(application.sources(testConfiguration).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client without credentials. */
    public TestHttp http() {
        return new TestHttp(port());
    }

    /** A client signed in as one of the {@link TestUsers}. */
    public TestHttp http(String role) {
        return TestUsers.as(http(), role);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops the service as a shutdown does. */
    @Override
    public void close() {
        context.close();
    }
}
