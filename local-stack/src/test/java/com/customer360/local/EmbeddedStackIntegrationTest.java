package com.customer360.local;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The scenario on the embedded default: in-JVM Kafka broker and mongo-java-server, both services. */
class EmbeddedStackIntegrationTest extends CustomerFiguresScenario {

    @TempDir
    static Path data;

    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Override
    Api api() {
        return new Api(stack);
    }
}
