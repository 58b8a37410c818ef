package com.customer360.query.projection;

import com.mongodb.MongoException;

/** Infrastructure failures, which retry the batch, as opposed to one customer's data failing. */
final class Outages {
    private Outages() {}

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoException || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
