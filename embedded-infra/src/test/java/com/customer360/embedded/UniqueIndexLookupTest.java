package com.customer360.embedded;

import static com.customer360.embedded.UniqueIndexFixture.assertDuplicate;
import static com.customer360.embedded.UniqueIndexFixture.client;
import static com.customer360.embedded.UniqueIndexFixture.things;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups through the unique indexes of the persistent store: {@code $in} over ids of mixed types, and every key still
 * found, and still unique, after the file is closed and reopened, with the B-trees on disk in {@link IndexKeyOrder}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UniqueIndexLookupTest {

    @TempDir
    Path tempDir;

    @Test
    void findsDocumentsByIdIn() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.insertMany(IntStream.range(0, 300)
                    .mapToObj(i -> new Document("_id", i % 2 == 0 ? (Object) i : "id-" + i))
                    .toList());

            List<Object> queried = new ArrayList<>(List.of(4L, 6.0, "id-7", "id-299", 8, "absent", 1_000, 298));
            assertThat(things.find(Filters.in("_id", queried)).map(document -> document.get("_id")))
                    .containsExactlyInAnyOrder(4, 6, "id-7", "id-299", 8, 298);
        }
    }

    @Test
    void keepsItsOrderAcrossACloseAndReopen() {
        List<Object> ids = mixedIds();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            things.createIndex(Indexes.ascending("group", "rank"), new IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                things.insertOne(new Document("_id", ids.get(i))
                        .append("group", "g-" + i % 7)
                        .append("rank", i));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(tempDir, 0);
                MongoClient client = client(server)) {
            MongoCollection<Document> things = things(client);
            assertThat(things.countDocuments()).isEqualTo(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                Object id = ids.get(i);
                assertThat(things.find(Filters.eq("_id", id)).first())
                        .as("_id %s", id)
                        .containsEntry("rank", i);
                assertThat(things.find(new Document("group", "g-" + i % 7).append("rank", (long) i))
                                .first())
                        .containsEntry("_id", id);
                assertDuplicate(() -> things.insertOne(new Document("_id", id)));
            }
            assertThat(things.find(Filters.in("_id", ids)).into(new ArrayList<>()))
                    .hasSize(ids.size());
            things.insertOne(new Document("_id", "new").append("group", "g-0").append("rank", -1));
            assertDuplicate(() -> things.insertOne(
                    new Document("_id", "newer").append("group", "g-0").append("rank", 0)));
        }

        // the B-trees on disk are in IndexKeyOrder
        MVStore store = new MVStore.Builder()
                .fileName(tempDir.resolve(EmbeddedMongoServer.FILE_NAME).toString())
                .readOnly()
                .open();
        try {
            for (String index : List.of("test.things._index__id_", "test.things._index_group_1_rank_1")) {
                assertThat(store.hasMap(index)).as(index).isTrue();
                MVMap<KeyValue, Object> map =
                        store.openMap(index, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType()));
                assertThat(new ArrayList<>(map.keySet()))
                        .hasSize(ids.size() + 1)
                        .isSortedAccordingTo(IndexKeyOrder.INSTANCE);
            }
        } finally {
            store.close();
        }
    }

    private static List<Object> mixedIds() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ids.add(
                    switch (i % 5) {
                        case 0 -> "id-" + i;
                        case 1 -> (long) i * 1_000_003L;
                        case 2 -> i + 0.25;
                        case 3 -> new Document("tenant", "t-" + i % 3).append("n", i);
                        default -> new ObjectId(String.format("%024x", i));
                    });
        }
        return ids;
    }
}
