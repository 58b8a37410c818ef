package com.customer360.query.store;

import com.mongodb.client.model.IndexModel;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * How one kind of read-model document is stored: its collection, its indexes and its BSON mapping. Every document
 * carries a {@value #VERSION} that each write checks and bumps, so concurrent writers never overwrite each other.
 *
 * @param <D> the document type the projections fold into
 */
public interface StoredDocuments<D> {

    /** The field that holds a document's version, the optimistic-concurrency guard of every write. */
    String VERSION = "version";

    /** The version a write gives a document stored at {@code stored} ({@code null}: not stored yet). */
    static long nextVersion(Long stored) {
        return stored == null ? 1 : stored + 1;
    }

    /** When the document was last written. */
    String UPDATED_AT = "updatedAt";

    String collection();

    /** The indexes a real MongoDB needs for this collection's queries besides {@code _id}. */
    List<IndexModel> indexes();

    String idOf(D document);

    /** The document as stored, with its version and the time of the write. */
    Document toBson(D document, long version, Instant updatedAt);

    D fromBson(Document stored);
}
