package com.customer360.embedded;

import com.customer360.events.Address;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import com.customer360.query.order.OrderDetails;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.order.OrderDetailsProjection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ByteArrayDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the embedded store's commit costs for one written document, and how much of it is encoding: the projection's
 * own order document (as {@link OrderDetailsDocuments} stores it) put into an MVStore map of 10,000 of them on file,
 * then committed — with the documents as the store keeps them ({@link DocumentDataType}, encoded to BSON whenever a
 * page is written) against the same bytes encoded once beforehand (what caching the encoded form could at best
 * save). Beside them, encoding one document alone, and reading one back. Guides the "store serialisation" lever in
 * BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreCommitBenchmark {

    private static final int STORED = 10_000;

    private Path directory;
    private MVStore store;
    private MVMap<Object, Document> documents;
    private MVMap<Object, byte[]> encoded;
    private Document order;
    private byte[] orderBytes;
    private ByteBuffer orderBuffer;
    private final WriteBuffer out = new WriteBuffer(64 * 1024);
    private long next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        order = storedOrderDocument();
        WriteBuffer buffer = new WriteBuffer();
        DocumentDataType.INSTANCE.write(buffer, order);
        orderBytes = new byte[buffer.position()];
        buffer.getBuffer().flip();
        buffer.getBuffer().get(orderBytes);
        orderBuffer = ByteBuffer.wrap(orderBytes);
        if (!DocumentDataType.INSTANCE.read(ByteBuffer.wrap(orderBytes)).equals(order)) {
            throw new IllegalStateException("the order document does not read back as it was written");
        }
        directory = Files.createTempDirectory("store-commit-benchmark");
        store = new MVStore.Builder()
                .fileName(directory.resolve("store.mv").toString())
                .compress()
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        documents =
                store.openMap("documents", new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE));
        encoded = store.openMap("encoded", new MVMap.Builder<Object, byte[]>().valueType(ByteArrayDataType.INSTANCE));
        for (int i = 0; i < STORED; i++) {
            documents.put("o-" + i, order);
            encoded.put("o-" + i, orderBytes);
        }
        store.commit();
        next = STORED;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** One order document written and committed, encoded by the store as it writes the page. */
    @Benchmark
    public long putAndCommitDocument() {
        documents.put("o-" + next++, order);
        return store.commit();
    }

    /** The same document's bytes, encoded once beforehand, written and committed. */
    @Benchmark
    public long putAndCommitEncodedBytes() {
        encoded.put("o-" + next++, orderBytes);
        return store.commit();
    }

    /** Encoding one order document as the store does for every document of every page it writes. */
    @Benchmark
    public int encodeOneDocument() {
        out.clear();
        DocumentDataType.INSTANCE.write(out, order);
        return out.position();
    }

    /** Decoding one, as every read of a document not in MVStore's cache does. */
    @Benchmark
    public Document decodeOneDocument() {
        orderBuffer.rewind();
        return DocumentDataType.INSTANCE.read(orderBuffer);
    }

    /** An order of the projection, shipped and delivered, as the store receives it over the wire. */
    private static Document storedOrderDocument() {
        Address address = new Address("Ada Lovelace", "1 Main Street", "Flat 2", "Berlin", null, "10115", "DE");
        Instant placed = Instant.parse("2026-01-01T10:00:00Z");
        OrderDetails details = new OrderDetails("o-1");
        OrderDetailsProjection projection = new OrderDetailsProjection();
        projection.apply(
                details,
                envelope(
                        0,
                        placed,
                        new OrderPlaced(
                                "o-1",
                                "c-1",
                                "store-1",
                                "EUR",
                                List.of(
                                        new OrderLine("SKU-1", "Item one", 2, new BigDecimal("19.99")),
                                        new OrderLine("SKU-2", "Item two", 1, new BigDecimal("5.00"))),
                                new BigDecimal("44.98"),
                                address,
                                placed)));
        projection.apply(
                details,
                envelope(
                        1,
                        placed.plusSeconds(3600),
                        new ShipmentUpdated(
                                "o-1",
                                "c-1",
                                ShipmentStatus.IN_TRANSIT,
                                "DHL",
                                "JD0001",
                                "Hub",
                                null,
                                placed.plusSeconds(3600))));
        projection.apply(
                details,
                envelope(
                        2,
                        placed.plusSeconds(90_000),
                        new ShipmentUpdated(
                                "o-1",
                                "c-1",
                                ShipmentStatus.DELIVERED,
                                "DHL",
                                "JD0001",
                                "Door",
                                null,
                                placed.plusSeconds(90_000))));
        org.bson.Document bson = new OrderDetailsDocuments().toBson(details, 3, placed.plusSeconds(90_000));
        RawBsonDocument raw = new RawBsonDocument(bson, new DocumentCodec());
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(raw.getByteBuffer().asNIO()));
    }

    private static EventEnvelope envelope(long sequence, Instant time, com.customer360.events.DomainEvent event) {
        return new EventEnvelope("e-" + sequence, "urn:customer360:benchmark", time, sequence, event);
    }
}
