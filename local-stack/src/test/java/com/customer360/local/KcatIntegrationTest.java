package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README shows an upstream developer, done with kcat (Debian's {@code kcat} package) against the embedded
 * stack: publish the example message, see the customer in the query API; publish garbage, find it in the dead-letter
 * topic with its reason. Skipped where kcat is not installed; CI installs it.
 */
class KcatIntegrationTest {

    private static final Path EXAMPLES =
            Path.of("..", "shared-events", "src", "main", "resources", "examples", "upstream");

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static String broker;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(kcatInstalled(), "kcat is not installed");
        stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
        broker = stack.kafkaBootstrapServers();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRegisterTheCustomerOfTheReadmeExamplePublishedWithKcat() throws Exception {
        String example = EXAMPLES.resolve("customer.registered.json").toString();

        kcat(null, "-P", "-b", broker, "-t", "upstream-order-events", "-k", "pos-c-42", example);

        Api api = new Api(stack);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode customer = api.query("/api/customers/pos-c-42");
            assertThat(customer).isNotNull();
            assertThat(customer.get("name").asText()).isEqualTo("Grace Hopper");
        });
    }

    @Test
    void shouldDeadLetterGarbagePublishedWithKcatWithItsReason() throws Exception {
        kcat("this is not json", "-P", "-b", broker, "-t", "upstream-order-events", "-k", "pos-c-99");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kcat(
                        null,
                        "-C",
                        "-b",
                        broker,
                        "-t",
                        "upstream-order-events.dlq",
                        "-o",
                        "beginning",
                        "-e",
                        "-q",
                        "-f",
                        "%k %h %s\\n"))
                .contains("pos-c-99", "dlq-reason-code=MALFORMED_JSON", "this is not json"));
    }

    private static String kcat(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kcat"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean kcatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "kcat").canExecute()) {
                return true;
            }
        }
        return false;
    }
}
