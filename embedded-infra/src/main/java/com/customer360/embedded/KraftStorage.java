package com.customer360.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft data directory the way {@code kafka-storage.sh format --ignore-formatted} does, because a
 * KRaft node refuses to start on an unformatted directory. A directory that is already formatted is left
 * alone and keeps its cluster id, so a persistent broker finds its topics, records and offsets again.
 */
final class KraftStorage {

    private KraftStorage() {}

    /** Formats {@code directory} unless it already is, and returns the cluster id stored in it. */
    static String formatIfNeeded(Path directory, int nodeId, String controllerListenerName) throws Exception {
        String dir = directory.toAbsolutePath().toString();
        String clusterId = existingClusterId(dir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setIgnoreFormatted(true)
                .setHasDynamicQuorum(false)
                .setControllerListenerName(controllerListenerName)
                .setMetadataLogDirectory(dir)
                .addDirectory(dir)
                .run();
        return clusterId;
    }

    private static String existingClusterId(String dir) throws IOException {
        MetaPropertiesEnsemble ensemble =
                new MetaPropertiesEnsemble.Loader().addMetadataLogDir(dir).load();
        return ensemble.clusterId().orElseGet(() -> Uuid.randomUuid().toString());
    }
}
