package com.customer360.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (KRaft, broker and controller in one) running inside this JVM, built from
 * Kafka's own server classes so that it behaves like the real thing for the services' clients.
 *
 * <p>It exists because this project's local run and tests must work without Docker, and the ready-made
 * {@code EmbeddedKafkaKraftBroker} of spring-kafka-test always deletes its data: a
 * {@linkplain #persistent(Path, int) persistent} broker here keeps its topics, records and committed
 * consumer-group offsets across restarts.
 *
 * <p>Durability: like any Kafka broker, it appends a record to the segment file (the OS page cache) before it
 * acknowledges it and does not {@code fsync}. With one replica, a record acknowledged with {@code acks=all}
 * therefore survives a killed JVM but not a power loss.
 *
 * <p>Starting takes one to two seconds in a fresh JVM and a few hundred milliseconds after that. Starting on
 * the directory of a broker that was killed takes about four seconds more: log recovery, and the controller
 * waiting out the dead broker's session.
 *
 * <p>Listeners bind to {@code 127.0.0.1} only. Settings suit a single node: internal topics with one
 * replica, automatic topic creation with 3 partitions, no initial rebalance delay, and records kept forever
 * (the domain-event topic is the history that replays rebuild views from).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, Path dataDirectory, boolean deleteOnClose, int port, String clusterId) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.clusterId = clusterId;
    }

    /**
     * Starts a broker whose data lives in {@code dataDirectory} (created if missing, reused if it holds data
     * of an earlier run) and which listens on {@code 127.0.0.1:port}; port 0 picks a free port.
     */
    public static EmbeddedKafkaBroker persistent(Path dataDirectory, int port) {
        return start(dataDirectory, false, port);
    }

    /** Starts a broker on the default port 9092 whose data lives in {@code dataDirectory}. */
    public static EmbeddedKafkaBroker persistent(Path dataDirectory) {
        return persistent(dataDirectory, DEFAULT_PORT);
    }

    /** Starts a broker on a free port whose data lives in a temporary directory deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker temporary() {
        return temporary(0);
    }

    /** Starts a broker on {@code port} (0 = a free port) with a temporary directory deleted on close. */
    public static EmbeddedKafkaBroker temporary(int port) {
        try {
            return start(Files.createTempDirectory("embedded-kafka-"), true, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }

    private static EmbeddedKafkaBroker start(Path dataDirectory, boolean deleteOnClose, int requestedPort) {
        long started = System.nanoTime();
        int[] ports = FreePort.pick(2);
        int port = requestedPort == 0 ? ports[0] : requestedPort;
        int controllerPort = ports[1];
        KafkaRaftServer server = null;
        try {
            FreePort.requireFree(port);
            Files.createDirectories(dataDirectory);
            String clusterId = KraftStorage.formatIfNeeded(dataDirectory, NODE_ID, CONTROLLER_LISTENER);
            server = new KafkaRaftServer(
                    new KafkaConfig(config(dataDirectory, port, controllerPort), false), Time.SYSTEM);
            server.startup();
            log.info(
                    "Kafka broker {} listening on {}:{} with data in {} (started in {} ms)",
                    clusterId,
                    HOST,
                    port,
                    dataDirectory,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedKafkaBroker(server, dataDirectory, deleteOnClose, port, clusterId);
        } catch (Exception e) {
            if (server != null) {
                stop(server);
            }
            if (deleteOnClose) {
                deleteQuietly(dataDirectory);
            }
            throw new IllegalStateException("Kafka broker did not start on " + HOST + ":" + port, e);
        }
    }

    private static Map<String, String> config(Path dataDirectory, int port, int controllerPort) {
        String plaintext = "PLAINTEXT://" + HOST + ":" + port;
        String controller = CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort;
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("listeners", plaintext + "," + controller);
        config.put("advertised.listeners", plaintext);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDirectory.toAbsolutePath().toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.retention.ms", "-1");
        // After a crash the controller waits for the dead incarnation's session to expire before the broker
        // may register again: 3 s instead of the default 9 s.
        config.put("broker.heartbeat.interval.ms", "500");
        config.put("broker.session.timeout.ms", "3000");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return config;
    }

    /** The address for the clients' {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker down cleanly (controlled shutdown, logs flushed) and deletes a temporary directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(server);
        if (deleteOnClose) {
            deleteQuietly(dataDirectory);
        }
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.toString());
        }
    }
}
