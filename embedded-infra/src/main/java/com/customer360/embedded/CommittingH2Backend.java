package com.customer360.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.NoSuchCommandException;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 file backend that commits its MVStore after every write command and before the reply is sent.
 *
 * <p>Why: the stock {@link H2Backend} leaves committing to MVStore's background thread (about once a second)
 * and to {@code close()}, so a write the client has already seen acknowledged can vanish when the process is
 * killed. The services treat an acknowledged write as durable (they answer 201 or commit a Kafka offset after
 * it), as they may with MongoDB's journaled write concern. Committing here, inside the server, keeps that
 * promise without the services knowing which store they talk to.
 *
 * <p>A commit writes the changed pages to the file through the OS page cache and does not {@code fsync}: an
 * acknowledged write survives a killed process, not a power loss or kernel crash.
 *
 * <p>The commit also runs when the command failed, because a failed command may have applied part of its
 * work (an ordered bulk insert stops at the first duplicate key, after the documents before it). Commands from
 * several connections run side by side, but a commit waits until none is half done ({@link CommitGate}): an MVStore
 * commit saves every map as it stands, and would otherwise save half of another connection's bulk write, or a
 * document's new index entries beside its old body, for a killed process to come back to.
 *
 * <p>Every commit appends a new chunk to the file, and MVStore reuses the space of replaced chunks only after
 * 45 seconds (its retention time, which protects readers of older versions). Under a steady stream of single
 * writes the file therefore grows by roughly 45 seconds' worth of chunks. Pages are compressed to keep those
 * chunks small. Closing does not compact (see {@link #close()}).
 *
 * <p>Its databases keep every index in a map ordered by value ({@link IndexKeyOrder}) rather than by MVStore's
 * default, which Java-serialises both keys on every comparison; non-unique indexes are real ({@link SecondaryIndex})
 * and their collections answer queries from them ({@link IndexedH2Collection}); documents and keys are stored as BSON
 * ({@link BsonValues}). A file written in another layout is refused on opening (see {@link StoreFormat}), because
 * reading it in this one would silently miss documents.
 */
final class CommittingH2Backend extends H2Backend {

    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private static final Set<String> LAST_ERROR_COMMANDS = caseInsensitive("getLastError", "resetError");
    private static final Set<String> WRITE_COMMANDS = caseInsensitive(
            "insert",
            "update",
            "delete",
            "findAndModify",
            "create",
            "createIndexes",
            "drop",
            "dropIndexes",
            "dropDatabase",
            "renameCollection");

    private final CommitGate commits;

    /**
     * Opens (or creates) the store file. Throws {@link IllegalStateException} if the file holds data written by
     * an older version whose unique indexes are ordered differently.
     */
    CommittingH2Backend(Path file) {
        // checked before H2Backend's constructor opens the databases and their indexes
        super(StoreFormat.requireCurrent(
                new MVStore.Builder()
                        .fileName(file.toString())
                        .compress()
                        // No background writer: every write command commits itself (above), and the writer's
                        // housekeeping — rewriting and moving chunks — lost a collection under a long bulk-write load
                        // (Chunk ... not found; see docs/embedded-default.md). Commits still free unused chunks.
                        .autoCommitDisabled()
                        // Nor a commit from inside a write once its unsaved pages pass this buffer (MVStore's back
                        // pressure, 1 MB by default): it would save the command half done. A command's pages wait in
                        // memory for the commit after it, as many as the command changed.
                        .autoCommitBufferSize(0)
                        .open(),
                file));
        commits = new CommitGate(getMvStore());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            // MongoDB 4.4.2+ answers "hello" like the older "isMaster"; mongo-java-server only knows the latter,
            // and Spring Boot's MongoDB health check asks the former.
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        if (!writes(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        return commits.write(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public void close() {
        // No compaction on close: H2 2.3.232's compaction has open reports of failing its own assertions (#4086)
        // and of losing data (#4247). A larger file is the lesser evil; MVStore reuses the free space while running.
        getMvStore().close();
        super.close();
    }

    /**
     * An H2 database whose collections answer queries from their indexes ({@link IndexedH2Collection}), whose
     * unique indexes order their keys with {@link IndexKeyOrder}, and whose non-unique indexes are real
     * ({@link SecondaryIndex}) instead of mongo-java-server's {@code EmptyIndex}.
     *
     * <p>An inner class on purpose: {@link H2Database}'s constructor opens the existing collections and indexes,
     * so {@link #openOrCreateUniqueIndex} runs before any field of a subclass is assigned, while the reference to
     * the enclosing backend (and so to its store) is assigned before the superclass constructor runs.
     *
     * <p>No request waits for the database's monitor: mongo-java-server's synchronised database takes it to look up a
     * collection and to keep each connection's last write result, and holds it for the whole of an index build, so
     * creating an index over a large collection (a rebuilt view's, once its documents are in) froze every read of
     * every collection until it was done. Collections are looked up here in mongo-java-server's own map of them,
     * a concurrent map, without its monitor ({@link #registeredCollections}); the last write
     * results only served {@code getLastError}, a command MongoDB 5.1 removed, which is answered "no such command".
     */
    private final class Database extends H2Database {

        private final Map<String, MongoCollection<Object>> collections = registeredCollections(this);
        private final boolean opened;

        Database(String databaseName) {
            super(databaseName, CommittingH2Backend.this.getMvStore(), CommittingH2Backend.this.getCursorRegistry());
            opened = true;
        }

        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (LAST_ERROR_COMMANDS.contains(command)) {
                throw new NoSuchCommandException(command);
            }
            if (command.equalsIgnoreCase("aggregate")) {
                Document answer = IndexedAggregation.answer(this, query, resolver, oplog);
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        public MongoCollection<Object> resolveCollection(String collectionName, boolean throwIfNotFound) {
            if (!opened
                    || throwIfNotFound
                    || collectionName.isEmpty()
                    || collectionName.length() > Constants.MAX_NS_LENGTH) {
                return super.resolveCollection(collectionName, throwIfNotFound); // and its errors
            }
            return collections.get(collectionName);
        }

        @Override
        protected MongoCollection<Object> resolveOrCreateCollection(String collectionName) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            return collection != null ? collection : super.resolveOrCreateCollection(collectionName);
        }

        @Override
        protected void clearLastStatus(Channel channel) {
            // only getLastError read it
        }

        @Override
        protected void putLastResult(Channel channel, Document result) {
            // only getLastError read it
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = CommittingH2Backend.this.getMvStore();
            return new IndexedH2Collection(
                    this,
                    collectionName,
                    options,
                    store.openMap(
                            DATA_PREFIX + fullName,
                            new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE)),
                    store.openMap(META_PREFIX + fullName),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return IndexMaps.unique(
                    CommittingH2Backend.this.getMvStore(),
                    indexMapName(collectionName, indexName),
                    indexName,
                    keys,
                    sparse,
                    isNew(collectionName, indexName));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return IndexMaps.secondary(
                    CommittingH2Backend.this.getMvStore(),
                    indexMapName(collectionName, indexName),
                    indexName,
                    keys,
                    sparse,
                    isNew(collectionName, indexName));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            IndexMaps.removeStatistics(
                    CommittingH2Backend.this.getMvStore(), indexMapName(collection.getCollectionName(), indexName));
        }

        /** Whether the index is being created now, rather than opened with the store. */
        private boolean isNew(String collectionName, String indexName) {
            if (!opened) {
                return false;
            }
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            return collection == null
                    || collection.getIndexes().stream()
                            .noneMatch(index -> index.getName().equals(indexName));
        }

        /** The name H2Database gives an index map, so that its dropIndex and drop remove this one. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * The map in which mongo-java-server registers a database's collections (a {@code ConcurrentHashMap}, private to
     * its {@code AbstractMongoDatabase}), read here so that looking a collection up needs no lock. Fails at start if a
     * new version of the library keeps its collections otherwise.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, MongoCollection<Object>> registeredCollections(AbstractMongoDatabase<Object> database) {
        try {
            Field field = AbstractMongoDatabase.class.getDeclaredField("collections");
            field.setAccessible(true);
            return (Map<String, MongoCollection<Object>>) field.get(database);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this version of mongo-java-server keeps its collections unlike 1.47", e);
        }
    }

    private static boolean writes(String command, Document query) {
        return WRITE_COMMANDS.contains(command) || command.equalsIgnoreCase("aggregate") && writesOutput(query);
    }

    private static boolean writesOutput(Document query) {
        if (!(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream()
                .anyMatch(stage -> stage instanceof Document document
                        && (document.containsKey("$out") || document.containsKey("$merge")));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
