package com.customer360.embedded;

import static com.customer360.embedded.UniqueIndexFixture.TWO_TO_THE_53;
import static com.customer360.embedded.UniqueIndexFixture.assertDuplicate;
import static com.customer360.embedded.UniqueIndexFixture.client;
import static com.customer360.embedded.UniqueIndexFixture.things;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique indexes of the persistent store, ordered by {@link IndexKeyOrder}, seen through the MongoDB driver: they must
 * reject as duplicates exactly the keys MongoDB holds equal (numbers of any type with the same value, fields of
 * compound keys and embedded documents compared one by one in their order, null and a missing field alike unless the
 * index is sparse) and nothing else, and find a document by any form of its key.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UniqueIndexDuplicateTest {

    @TempDir
    Path tempDir;

    @Test
    void rejectsIntsLongsAndDoublesOfTheSameValueAsDuplicates() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", 1).append("number", 7));

            assertDuplicate(() -> things.insertOne(new Document("_id", 1L)));
            assertDuplicate(() -> things.insertOne(new Document("_id", 1.0)));
            assertDuplicate(() -> things.insertOne(new Document("_id", Decimal128.parse("1.00"))));
            assertDuplicate(() -> things.insertOne(new Document("_id", 2).append("number", 7L)));
            assertDuplicate(() -> things.insertOne(new Document("_id", 2).append("number", 7.0)));
            things.insertOne(new Document("_id", 1.5).append("number", 7.5));
            things.insertOne(new Document("_id", "1").append("number", "7"));
            // 2^53 + 1 has no double: as a long it is a key of its own, as a double it is 2^53
            things.insertOne(new Document("_id", TWO_TO_THE_53 + 1).append("number", TWO_TO_THE_53 + 1));
            things.insertOne(new Document("_id", TWO_TO_THE_53).append("number", TWO_TO_THE_53));
            assertDuplicate(() -> things.insertOne(new Document("_id", (double) (TWO_TO_THE_53 + 1))));

            assertThat(things.find(Filters.eq("_id", 1.0)).first()).containsEntry("number", 7);
            assertThat(things.find(Filters.eq("number", 7L)).first()).containsEntry("_id", 1);
            assertThat(things.find(Filters.eq("_id", TWO_TO_THE_53 + 1)).first())
                    .containsEntry("number", TWO_TO_THE_53 + 1);
            assertThat(things.countDocuments()).isEqualTo(5);
        }
    }

    @Test
    void rejectsEqualStringsOnly() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> customers = things(client);
            customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", "c-1").append("email", "ada@example.com"));
            customers.insertOne(new Document("_id", "C-1").append("email", "Ada@example.com"));
            customers.insertOne(new Document("_id", "c-1 ").append("email", "ada@example.com "));

            assertDuplicate(() -> customers.insertOne(new Document("_id", "c-1")));
            assertDuplicate(() -> customers.insertOne(new Document("_id", "c-2").append("email", "ada@example.com")));
            assertThat(customers.find(Filters.eq("email", "Ada@example.com")).first())
                    .containsEntry("_id", "C-1");
        }
    }

    @Test
    void treatsNullAndAMissingFieldAsOneKeyUnlessTheIndexIsSparse() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> dense = client.getDatabase("test").getCollection("dense");
            dense.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            dense.insertOne(new Document("_id", 1));
            assertDuplicate(() -> dense.insertOne(new Document("_id", 2)));
            assertDuplicate(() -> dense.insertOne(new Document("_id", 2).append("email", null)));
            dense.insertOne(new Document("_id", 2).append("email", "x"));

            MongoCollection<Document> sparse = client.getDatabase("test").getCollection("sparse");
            sparse.createIndex(
                    Indexes.ascending("email"), new IndexOptions().unique(true).sparse(true));
            sparse.insertOne(new Document("_id", 1));
            sparse.insertOne(new Document("_id", 2));
            sparse.insertOne(new Document("_id", 3).append("email", null));
            assertDuplicate(() -> sparse.insertOne(new Document("_id", 4).append("email", null)));
            sparse.insertOne(new Document("_id", 4).append("email", "x"));
            assertDuplicate(() -> sparse.insertOne(new Document("_id", 5).append("email", "x")));
            assertThat(sparse.countDocuments()).isEqualTo(4);
        }
    }

    @Test
    void comparesCompoundKeysFieldByField() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> views = things(client);
            views.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            views.createIndex(Indexes.ascending("customerId", "number"), new IndexOptions().unique(true));
            views.insertOne(view("c-1", 1L, "o-1", 1));
            views.insertOne(view("c-2", 1L, "o-1", 2));
            views.insertOne(view("c-3", 1L, "o-2", 1));

            assertDuplicate(() -> views.insertOne(view("c-4", 1L, "o-1", 1.0)));
            assertDuplicate(() -> views.insertOne(view("c-4", 1L, "o-1", 1L)));

            assertThat(views.find(new Document("_id", "c-2").append("version", 1))
                            .first())
                    .containsEntry("number", 2);
            assertThat(views.find(new Document("customerId", "o-2").append("number", 1.0))
                            .first())
                    .containsEntry("_id", "c-3");
            assertThat(views.find(new Document("_id", "c-2").append("version", 2))
                            .first())
                    .isNull();

            // the query service's version-guarded replace
            assertThat(views.replaceOne(new Document("_id", "c-1").append("version", 1L), view("c-1", 2L, "o-1", 1))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(views.replaceOne(new Document("_id", "c-1").append("version", 1L), view("c-1", 2L, "o-1", 1))
                            .getModifiedCount())
                    .isZero();
            assertThat(views.find(Filters.eq("_id", "c-1")).first()).containsEntry("version", 2L);
        }
    }

    @Test
    void comparesEmbeddedDocumentsFieldByFieldInTheirOrder() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> customers = things(client);
            customers.createIndex(Indexes.ascending("address"), new IndexOptions().unique(true));
            customers.insertOne(new Document("_id", new Document("tenant", "t-1").append("id", 1))
                    .append("address", new Document("city", "Berlin").append("zip", 10115)));

            assertDuplicate(
                    () -> customers.insertOne(new Document("_id", new Document("tenant", "t-1").append("id", 1L))));
            assertDuplicate(() -> customers.insertOne(
                    new Document("_id", 2).append("address", new Document("city", "Berlin").append("zip", 10115.0))));
            customers.insertOne(new Document("_id", new Document("id", 1).append("tenant", "t-1"))
                    .append("address", new Document("zip", 10115).append("city", "Berlin")));
            customers.insertOne(new Document("_id", 3)
                    .append(
                            "address",
                            new Document("city", "Berlin").append("zip", 10115).append("floor", null)));

            assertThat(customers
                            .find(Filters.eq("_id", new Document("tenant", "t-1").append("id", 1.0)))
                            .first())
                    .containsEntry("address", new Document("city", "Berlin").append("zip", 10115));
            assertThat(customers.countDocuments()).isEqualTo(3);
        }
    }

    private static Document view(String id, long version, String customerId, Object number) {
        return new Document("_id", id)
                .append("version", version)
                .append("customerId", customerId)
                .append("number", number);
    }
}
