package com.customer360.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Child process of {@link MongoCrashIntegrationTest}: starts the document store on a directory, inserts
 * documents one by one, reports how many were acknowledged, then waits to be killed.
 *
 * <p>Arguments: directory, number of documents, {@code committing} (the store as shipped) or {@code plain}
 * (mongo-java-server's own H2 backend, for comparison, with its background commit put off for an hour so that none
 * comes round before the kill).
 */
public final class MongoWriterMain {

    private MongoWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String connectionString =
                switch (args[2]) {
                    case "committing" ->
                        EmbeddedMongoServer.persistent(directory, 0).connectionString();
                    case "plain" -> startPlain(directory);
                    default -> throw new IllegalArgumentException(args[2]);
                };
        MongoClient client = MongoClients.create(connectionString);
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        for (int i = 0; i < count; i++) {
            orders.insertOne(new Document("_id", i).append("customerId", "customer-" + i % 10));
        }
        System.out.println("ACKED " + count);
        System.out.flush();
        ChildJvm.blockUntilParentGoes();
    }

    private static String startPlain(Path directory) {
        MVStore store =
                MVStore.open(directory.resolve(EmbeddedMongoServer.FILE_NAME).toString());
        store.setAutoCommitDelay((int) TimeUnit.HOURS.toMillis(1));
        MongoServer server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", 0);
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
