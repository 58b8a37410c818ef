package com.customer360.query.store;

import java.util.Collection;

/**
 * Other writers kept changing the same documents through every attempt of a batch. The batch is retried as a whole
 * by the consumer's error handling; nothing was lost, because every document written so far is guarded by its
 * sequences.
 */
public final class ConcurrentWritesException extends RuntimeException {

    public ConcurrentWritesException(String collection, Collection<String> ids, int attempts) {
        super("documents " + ids + " of " + collection + " kept changing under " + attempts + " write attempts");
    }
}
