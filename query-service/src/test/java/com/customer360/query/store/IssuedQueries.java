package com.customer360.query.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;

/** A MongoDB client that remembers every query it sends, so a test can check how the store can serve them. */
public final class IssuedQueries implements CommandListener {

    /** A {@code find} or {@code count}/{@code aggregate} command as sent, without the driver's session fields. */
    public record Query(String collection, BsonDocument command) {}

    private final List<Query> queries = new CopyOnWriteArrayList<>();

    public MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(this)
                .build());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (name.equals("find") || name.equals("aggregate")) {
            // A deep copy: the driver reuses the command's buffer once the listeners returned.
            BsonDocument command = BsonDocument.parse(event.getCommand().toJson());
            for (String driverField : List.of("$db", "lsid", "$clusterTime", "$readPreference", "txnNumber")) {
                command.remove(driverField);
            }
            queries.add(new Query(command.getString(name).getValue(), command));
        }
    }

    public List<Query> all() {
        return List.copyOf(queries);
    }

    public void clear() {
        queries.clear();
    }
}
