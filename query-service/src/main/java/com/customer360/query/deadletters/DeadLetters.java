package com.customer360.query.deadletters;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the live listener needs of dead letters: which customers are held, and a way to put records aside. Everything
 * else — storing, holding, publishing, re-driving, healing — stays behind this.
 */
public interface DeadLetters {

    /** The holds of those customers who are held, by customer id. */
    Map<String, Hold> heldAmong(Collection<String> customerIds);

    /**
     * Stores the dead letters, holds their customers and publishes them to the dead-letter topic; returns once all
     * of that is durable, so the batch's offsets may be committed past them.
     */
    void keep(List<DeadLetter> deadLetters);
}
