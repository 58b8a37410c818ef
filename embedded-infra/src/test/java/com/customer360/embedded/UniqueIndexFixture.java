package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * What the unique-index tests of the persistent store share: a driver client, their collection, and the E11000 a
 * duplicate key gets.
 *
 * <p>Lookups by a compound key use a plain filter document such as {@code {_id: .., version: ..}}: mongo-java-server
 * answers those from the unique index (and finds nothing if the index misses), while {@code Filters.and(..)}
 * renders as {@code $and}, which it answers by scanning the collection.
 */
final class UniqueIndexFixture {

    static final long TWO_TO_THE_53 = 1L << 53;

    private UniqueIndexFixture() {}

    static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000))
                .hasMessageContaining("E11000");
    }

    static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString());
    }

    static MongoCollection<Document> things(MongoClient client) {
        return client.getDatabase("test").getCollection("things");
    }
}
