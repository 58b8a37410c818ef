package com.customer360.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * MVStore value type of the collections' data maps: each document as BSON (see {@link BsonValues}) instead of
 * MVStore's default Java serialisation. Values of a data map are never compared.
 */
final class DocumentDataType extends BasicDataType<Document> {

    static final DocumentDataType INSTANCE = new DocumentDataType();

    private DocumentDataType() {}

    @Override
    public int getMemory(Document document) {
        return BsonValues.estimatedMemory(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        BsonValues.write(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonValues.read(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
