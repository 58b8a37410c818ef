package com.customer360.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store writes documents and index keys: as BSON with mongo-java-server's own encoder, the format they
 * arrived in, or, for a value BSON would not give back as the same Java value, Java-serialised as before. One byte in
 * front says which.
 *
 * <p>Why: MVStore's default type Java-serialises every changed document when it commits and deserialises every
 * document it reads; in the projection's pattern (bulk {@code _id $in} reads, bulk replaces of 1-10 KB documents)
 * that was over a quarter of the store's CPU. BSON is several times cheaper both ways. The fallback keeps a commit
 * from ever failing on a value the encoder does not know (it throws, and a failed commit would close the store).
 */
final class BsonValues {

    private static final byte BSON = 0;
    private static final byte JAVA = 1;
    private static final int KEEP_BUFFER_BYTES = 1 << 20;
    private static final ObjectDataType JAVA_SERIALISATION = new ObjectDataType();
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    private BsonValues() {}

    static void write(WriteBuffer out, Document document) {
        if (!isBson(document)) {
            out.put(JAVA);
            JAVA_SERIALISATION.write(out, document);
            return;
        }
        ByteBuf buffer = BUFFERS.get();
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        out.put(BSON);
        out.put(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), buffer.readableBytes());
        if (buffer.capacity() > KEEP_BUFFER_BYTES) {
            BUFFERS.remove();
        }
    }

    static Document read(ByteBuffer in) {
        byte format = in.get();
        if (format == JAVA) {
            return (Document) JAVA_SERIALISATION.read(in);
        }
        if (format != BSON) {
            throw new IllegalStateException("Unknown value format " + format + " in the document store");
        }
        int length = Integer.reverseBytes(in.getInt(in.position()));
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /** The size of {@code document} in BSON, as mongo-java-server reports it in {@code collStats}. */
    static int size(Document document) {
        ByteBuf buffer = BUFFERS.get();
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        return buffer.readableBytes();
    }

    /** Whether BSON gives {@code value} back as an equal value of the same class (or, for a list, an equal list). */
    static boolean isBson(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Instant
                || value instanceof ObjectId
                || value instanceof Decimal128
                || value instanceof UUID
                || value instanceof LegacyUUID
                || value instanceof BinData
                || value instanceof BsonTimestamp
                || value instanceof BsonRegularExpression regex
                        && regex.getPattern() != null
                        && regex.getOptions() != null
                || value instanceof BsonJavaScript code && code.getCode() != null
                || value instanceof MinKey
                || value instanceof MaxKey) {
            return true;
        }
        if (value instanceof Document document && document.getClass() == Document.class) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0 || !isBson(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(BsonValues::isBson); // read back as an ArrayList, which equals any list
        }
        return false;
    }

    /** A cheap estimate of the memory a value takes, for MVStore's page sizes and cache, without encoding it. */
    static int estimatedMemory(Object value) {
        if (value instanceof String text) {
            return 48 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 40 + estimatedMemory(entry.getKey()) + estimatedMemory(entry.getValue());
            }
            return memory;
        }
        if (value instanceof List<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + estimatedMemory(element);
            }
            return memory;
        }
        return 24;
    }
}
