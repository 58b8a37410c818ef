package com.customer360.query.deadletters;

import java.time.Instant;
import java.util.List;

/**
 * One page of the dead-letter listing for operators. It names records by id and coordinates only: no value, no
 * headers, nothing of the customer's details.
 */
record DeadLetterPage(List<Item> items, int page, int size, long totalItems, boolean hasPrevious, boolean hasNext) {

    /**
     * @param id {@code <topic>-<partition>-<offset>}, the id to delete it by
     * @param customerId the record's key, {@code null} for a record that had none
     * @param heldBehind the dead letter it waits behind, {@code null} if it failed on its own
     * @param failedAt when it was dead-lettered
     */
    record Item(
            String id,
            String customerId,
            String topic,
            int partition,
            long offset,
            String reasonCode,
            String reason,
            String heldBehind,
            Instant failedAt) {}
}
