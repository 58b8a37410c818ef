package com.customer360.query.store;

import com.customer360.query.fold.Projection;
import com.mongodb.client.model.IndexModel;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * A read model as stored: its collection, its projection and how its documents map to BSON. Implementations are
 * Spring beans of their feature package; {@link BulkProjection} works with any of them.
 *
 * @param <D> the document type the projection folds into
 */
public interface ReadModel<D> {

    /** The field that holds a document's version, the optimistic-concurrency guard of every write. */
    String VERSION = "version";

    String collection();

    Projection<D> projection();

    /** The document as stored, with its version and the time of the write. */
    Document toBson(D document, long version, Instant updatedAt);

    D fromBson(Document stored);

    /** The indexes a real MongoDB would use for this collection's queries besides {@code _id}. */
    List<IndexModel> indexes();
}
