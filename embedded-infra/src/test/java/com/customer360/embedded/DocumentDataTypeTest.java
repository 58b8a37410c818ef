package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentDataTypeTest {

    @Test
    void shouldReadBackEveryBsonValueAsTheSameValueOfTheSameClass() {
        Document document = new Document("_id", new ObjectId())
                .append("string", "Zoë")
                .append("int", 1)
                .append("long", 1L << 40)
                .append("double", 1.5)
                .append("nan", Double.NaN)
                .append("decimal", new Decimal128(new BigDecimal("129.90")))
                .append("true", true)
                .append("null", null)
                .append("date", Instant.ofEpochMilli(1_780_000_000_123L))
                .append("uuid", UUID.fromString("00000000-0000-4000-8000-000000000001"))
                .append("legacyUuid", new LegacyUUID(UUID.fromString("00000000-0000-4000-8000-000000000002")))
                .append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("timestamp", new BsonTimestamp(42L))
                .append("regex", new BsonRegularExpression("^a", "i"))
                .append("code", new BsonJavaScript("x"))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("list", new ArrayList<>(List.of(1, "two", new Document("three", 3))))
                .append("nested", new Document("a", new Document("b", new ArrayList<>(Arrays.asList(null, 2.0)))));

        assertThat(BsonValues.isBson(document)).isTrue();
        assertThat(serialised(roundTrip(document))).isEqualTo(serialised(document));
    }

    @Test
    void shouldKeepValuesBsonWouldChangeAsTheyWere() {
        Document document = new Document("_id", 1).append("set", Set.of("a")).append("short", (short) 3);

        assertThat(BsonValues.isBson(document)).isFalse();
        Document read = roundTrip(document);
        assertThat(read.get("set")).isEqualTo(Set.of("a"));
        assertThat(read.get("short")).isEqualTo((short) 3);
    }

    private static Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        DocumentDataType.INSTANCE.write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        Document read = DocumentDataType.INSTANCE.read(bytes);
        assertThat(bytes.remaining()).isZero();
        return read;
    }

    /** Compared by their Java serialisation, because regular expressions and code have no equals(). */
    private static byte[] serialised(Document document) {
        return ObjectDataType.serialize(document);
    }
}
