package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service in a JVM of its own, started from the test's class path, so that a test can stop it as an operator does
 * (SIGTERM: the service shuts down cleanly) or kill it as a crash does (SIGKILL: nothing runs, a batch in flight is
 * cut off). It keeps its port across restarts, so clients need not know it restarted.
 */
final class ServiceProcess implements AutoCloseable {

    private final String service;
    private final Map<String, String> settings;
    private final Path logs;
    private final int port;
    private Process process;
    private int starts;

    /**
     * @param service {@code query} or {@code command}
     * @param settings the service's properties ({@code server.port} is chosen here)
     */
    ServiceProcess(String service, Map<String, String> settings, Path logs) {
        this.service = service;
        this.settings = settings;
        this.logs = logs;
        this.port = freePort();
    }

    void start() {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ServiceMain.class.getName(),
                service,
                "--server.port=" + port));
        command.add("--customer360.security.local-users-file=" + TestUsers.file());
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(service + "-service.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        Process started = process;
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(started.isAlive())
                            .as("the %s service exited; see %s", service, logs)
                            .isTrue();
                    return up();
                });
    }

    /** SIGTERM, and waits until the service has shut down. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    /** SIGKILL, as a crash would. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A client signed in as {@code admin}, who may use every endpoint (one of {@link TestUsers}). */
    TestHttp http() {
        return TestUsers.as(new TestHttp(port), "admin");
    }

    int starts() {
        return starts;
    }

    private boolean up() {
        try {
            return http().get("/actuator/health").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
