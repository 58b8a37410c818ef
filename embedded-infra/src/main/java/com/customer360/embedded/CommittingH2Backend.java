package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * work (an ordered bulk insert stops at the first duplicate key, after the documents before it). Concurrent
 * commands from several connections are safe: {@code MVStore.commit()} serialises itself, and a commit that
 * finds nothing unsaved (another connection's commit already covered it) returns at once.
 *
 * <p>Every commit appends a new chunk to the file, and MVStore reuses the space of replaced chunks only after
 * 45 seconds (its retention time, which protects readers of older versions). Under a steady stream of single
 * writes the file therefore grows by roughly 45 seconds' worth of chunks. Pages are compressed to keep those
 * chunks small, and closing the store compacts the file for up to {@value #CLOSE_COMPACTION_MILLIS} ms.
 */
final class CommittingH2Backend extends H2Backend {

    static final int CLOSE_COMPACTION_MILLIS = 2_000;

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

    CommittingH2Backend(Path file) {
        super(new MVStore.Builder().fileName(file.toString()).compress().open());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!writes(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commit();
        }
    }

    @Override
    public void close() {
        getMvStore().close(CLOSE_COMPACTION_MILLIS);
        super.close();
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
