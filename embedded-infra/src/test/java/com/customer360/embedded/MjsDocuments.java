package com.customer360.embedded;

import com.mongodb.MongoClientSettings;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.conversions.Bson;

/** Driver-side filters and sorts as mongo-java-server sees them after the wire: its own {@code Document}. */
final class MjsDocuments {

    private MjsDocuments() {}

    static de.bwaldvogel.mongo.bson.Document of(Bson bson) {
        BsonDocument document = bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().asNIO().get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
