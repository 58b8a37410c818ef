package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
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
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class IndexKeyOrderTest {

    private static final long TWO_TO_THE_53 = 1L << 53;

    @Test
    void treatsAsEqualExactlyTheKeysWhoseNormalisedFormSerialisesToTheSameBytes() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                boolean sameBytes = Arrays.equals(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
                assertThat(IndexKeyOrder.INSTANCE.compare(a, b) == 0)
                        .as("%s vs %s", a, b)
                        .isEqualTo(sameBytes);
            }
        }
    }

    @Test
    void isATotalOrder() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(IndexKeyOrder.INSTANCE.compare(a, b));
                assertThat(Integer.signum(IndexKeyOrder.INSTANCE.compare(b, a)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(-ab);
                for (KeyValue c : keys) {
                    int bc = Integer.signum(IndexKeyOrder.INSTANCE.compare(b, c));
                    if (ab == bc) {
                        assertThat(Integer.signum(IndexKeyOrder.INSTANCE.compare(a, c)))
                                .as("%s, %s, %s", a, b, c)
                                .isEqualTo(ab);
                    }
                }
            }
        }
    }

    @Test
    void treatsNumbersOfEveryTypeWithTheSameValueAsOneKey() {
        assertThat(compare(1, 1L)).isZero();
        assertThat(compare(1, 1.0)).isZero();
        assertThat(compare(1L, new Decimal128(new BigDecimal("1.00")))).isZero();
        assertThat(compare(-0.0, 0)).isZero();
        assertThat(compare(Double.NaN, Double.NaN)).isZero();
        assertThat(compare(TWO_TO_THE_53 + 1, (double) (TWO_TO_THE_53 + 1))).isPositive();
        assertThat(compare(TWO_TO_THE_53 + 1, TWO_TO_THE_53 + 2.0)).isNegative();
        assertThat(compare(Long.MAX_VALUE - 1, 0x1p63)).isNegative();
        assertThat(compare(Double.NaN, Double.NEGATIVE_INFINITY)).isNegative();
        assertThat(compare(Double.NaN, -(TWO_TO_THE_53 + 1))).isNegative();
        assertThat(compare(2.5, 2L)).isPositive();
        assertThat(compare(-2.5, -2L)).isNegative();
    }

    @Test
    void ordersTypesAsMongoJavaServerDoes() {
        List<Object> ascending = List.of(
                MinKey.getInstance(),
                Missing.getInstance(),
                -1,
                "a",
                new Document("a", 1),
                List.of(1),
                new BinData(new byte[] {1}),
                new LegacyUUID(1, 2),
                new UUID(1, 2),
                new ObjectId(),
                false,
                Instant.EPOCH,
                new BsonTimestamp(1),
                new BsonRegularExpression("a", "i"),
                new BsonJavaScript("x"),
                MaxKey.getInstance());
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(compare(ascending.get(i), ascending.get(i + 1)))
                    .as("%s < %s", ascending.get(i), ascending.get(i + 1))
                    .isNegative();
        }
    }

    @Test
    void comparesEmbeddedDocumentsAndArraysFieldByFieldAndElementByElement() {
        assertThat(compare(new Document("a", 1).append("b", 2), new Document("a", 1.0).append("b", 2L)))
                .isZero();
        assertThat(compare(new Document("a", 1).append("b", 2), new Document("b", 2).append("a", 1)))
                .isNegative();
        assertThat(compare(new Document("a", 1), new Document("a", 1).append("b", null)))
                .isNegative();
        assertThat(compare(List.of(1, 2), List.of(1, 3))).isNegative();
        assertThat(compare(List.of(1), Arrays.asList(1, null))).isNegative();
        assertThat(compare(List.of(), List.of())).isZero();
        assertThat(compare(new Document("a", List.of(1, 5)), new Document("a", List.of(1, 3))))
                .isPositive();
    }

    @Test
    void comparesCompoundKeysElementByElement() {
        assertThat(IndexKeyOrder.INSTANCE.compare(key("c-1", 2L), key("c-1", 2.0)))
                .isZero();
        assertThat(IndexKeyOrder.INSTANCE.compare(key("c-1", 2L), key("c-1", 10L)))
                .isNegative();
        assertThat(IndexKeyOrder.INSTANCE.compare(key("c-2", 1L), key("c-1", 10L)))
                .isPositive();
        assertThat(IndexKeyOrder.INSTANCE.compare(key(null, 1L), key("c-1", 1L)))
                .isNegative();
    }

    @Test
    void shouldReadBackEveryKeyItWroteAsTheSameValuesOfTheSameClasses() {
        for (KeyValue key : keys()) {
            WriteBuffer buffer = new WriteBuffer();
            new IndexKeyDataType().write(buffer, key);
            ByteBuffer bytes = buffer.getBuffer();
            bytes.flip();
            KeyValue read = new IndexKeyDataType().read(bytes);
            // compared by their Java serialisation, because a regular expression has no equals()
            assertThat(ObjectDataType.serialize(read)).as(key.toString()).isEqualTo(ObjectDataType.serialize(key));
            assertThat(bytes.remaining()).isZero();
        }
    }

    private static int compare(Object a, Object b) {
        return IndexKeyOrder.INSTANCE.compare(key(a), key(b));
    }

    /** A key as the unique index stores and looks it up: normalised. */
    private static KeyValue key(Object... values) {
        return new KeyValue(Arrays.asList(values)).normalized();
    }

    /** Keys of every type a document holds, with the values that normalisation makes equal or keeps apart. */
    private static List<KeyValue> keys() {
        List<Object> values = new ArrayList<>(List.of(
                0,
                -0.0,
                0L,
                1,
                1L,
                1.0,
                new Decimal128(new BigDecimal("1.0")),
                1.5,
                -1.5,
                -2,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                TWO_TO_THE_53,
                TWO_TO_THE_53 + 1,
                (double) (TWO_TO_THE_53 + 1),
                -(TWO_TO_THE_53 + 1),
                0x1p63,
                1e300,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                "",
                "a",
                "A",
                "ab",
                "1",
                new Document(),
                new Document("a", 1),
                new Document("a", 1.0),
                new Document("a", 1L).append("b", "x"),
                new Document("b", "x").append("a", 1L),
                new Document("a", new Document("b", 2)),
                new Document("a", List.of(1, 2)),
                new Document("a", List.of(1, 3)),
                new Document("a", List.of()),
                List.of(),
                List.of(1),
                List.of(1.0),
                List.of(1, 2),
                List.of(2, 1),
                List.of(List.of()),
                List.of(new Document("a", 1)),
                new BinData(new byte[] {1, 2}),
                new BinData(new byte[] {1, 3}),
                new BinData(new byte[] {1}),
                new LegacyUUID(1, 2),
                new UUID(1, 2),
                new UUID(1, 3),
                new ObjectId("000000000000000000000001"),
                new ObjectId("000000000000000000000002"),
                true,
                false,
                Instant.ofEpochMilli(0),
                Instant.ofEpochMilli(1),
                new BsonTimestamp(1),
                new BsonTimestamp(-1),
                new BsonRegularExpression("a.*", "i"),
                new BsonRegularExpression("a.*", null),
                new BsonRegularExpression("b", "i"),
                new BsonJavaScript("x"),
                new BsonJavaScript("y"),
                MinKey.getInstance(),
                MaxKey.getInstance()));
        values.add(null);
        values.add(Missing.getInstance());
        values.add(Arrays.asList(1, null));
        values.add(new Document("a", null));
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : values) {
            keys.add(key(value));
        }
        for (Object first : List.of("c-1", 1, 2.5)) {
            for (Object second : Arrays.asList(1L, 1.0, "x", null)) {
                keys.add(key(first, second));
            }
        }
        return keys;
    }
}
