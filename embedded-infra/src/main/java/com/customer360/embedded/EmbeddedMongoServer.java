package com.customer360.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol document store inside this JVM (mongo-java-server), for the local run and tests on
 * machines without a MongoDB binary. The services reach it through the official MongoDB driver, exactly as
 * they reach a real MongoDB.
 *
 * <p>The {@linkplain #persistent(Path, int) persistent} store keeps its data in one H2 MVStore file,
 * {@value #FILE_NAME}, and commits it after every write command before acknowledging it (see
 * {@link CommittingH2Backend}), so acknowledged writes survive a killed JVM. The {@linkplain #inMemory()
 * in-memory} store keeps nothing.
 *
 * <p>The persistent store keeps documents and index keys as BSON (see {@link BsonValues}), keeps non-unique indexes
 * as well as unique ones in ordered maps (see {@link SecondaryIndex}), and answers the queries an index can answer
 * exactly from it: equality on leading keys, a range on the next, keyset pages, sorts along the index, counts (see
 * {@link IndexPlanner}); everything else scans, with the same result. A file written by an older version is refused
 * rather than read in the wrong layout (see {@link StoreFormat}).
 *
 * <p>Mind its limits: no transactions, no change streams, no {@code $text} search; the in-memory
 * store uses no index but for exact matches on unique ones and scans for everything else.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 27017;
    public static final String FILE_NAME = "customer360.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String HOST = "127.0.0.1";

    /**
     * The store's network threads. mongo-java-server runs each command on the thread of its connection's event loop,
     * and connections share loops round robin: with the default (twice the cores), a read whose connection shared a
     * loop with a connection in a long bulk write, index build or commit waited for it — a rebuild's writes put a
     * live page's GET p99 at 11x its idle figure. With this many, connections rarely share one.
     */
    static final int EVENT_LOOPS = 32;

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedMongoServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a store whose data lives in {@code directory}/{@value #FILE_NAME} (created if missing, reopened
     * if present) and which listens on {@code 127.0.0.1:port}; port 0 picks a free port.
     *
     * @throws IllegalStateException if the port is taken, or if the file holds data written by an older version
     *     whose unique indexes are ordered differently; that directory must then be deleted
     */
    public static EmbeddedMongoServer persistent(Path directory, int port) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        Path file = directory.resolve(FILE_NAME).toAbsolutePath();
        return start(new CommittingH2Backend(file), port, file.toString(), started);
    }

    /** Starts a persistent store on the default port 27017. */
    public static EmbeddedMongoServer persistent(Path directory) {
        return persistent(directory, DEFAULT_PORT);
    }

    /** Starts an in-memory store on a free port; its data is gone on close. */
    public static EmbeddedMongoServer inMemory() {
        return inMemory(0);
    }

    /** Starts an in-memory store on {@code port} (0 = a free port). */
    public static EmbeddedMongoServer inMemory(int port) {
        return start(new MemoryBackend(), port, "memory", System.nanoTime());
    }

    private static EmbeddedMongoServer start(MongoBackend backend, int port, String storage, long started) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(HOST, port), 1, EVENT_LOOPS);
        } catch (Exception e) { // Netty rethrows a BindException without declaring it
            server.shutdownNow();
            throw new IllegalStateException("Document store did not start on " + HOST + ":" + port, e);
        }
        int boundPort = server.getLocalAddress().getPort();
        log.info(
                "Document store listening on {}:{} with data in {} (started in {} ms)",
                HOST,
                boundPort,
                storage,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedMongoServer(server, boundPort);
    }

    /** The connection string for the MongoDB driver, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Disconnects the clients, then commits and closes the store file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
    }
}
