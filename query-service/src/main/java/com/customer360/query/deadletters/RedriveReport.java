package com.customer360.query.deadletters;

import java.util.List;

/**
 * What a re-drive did, in total and per held customer.
 *
 * @param applied dead letters read and put through the projections (and deleted)
 * @param stillDeadLettered dead letters left behind a record that still cannot be read
 * @param customersReleased customers no longer held
 */
record RedriveReport(int applied, long stillDeadLettered, int customersReleased, List<CustomerRedrive> customers) {

    static RedriveReport of(List<CustomerRedrive> customers) {
        return new RedriveReport(
                customers.stream().mapToInt(CustomerRedrive::applied).sum(),
                customers.stream().mapToLong(CustomerRedrive::stillDeadLettered).sum(),
                (int) customers.stream().filter(CustomerRedrive::released).count(),
                customers);
    }

    /**
     * @param blockedBy the dead letter that still cannot be read, or {@code null} when none is left
     */
    record CustomerRedrive(
            String customerId, int applied, long stillDeadLettered, boolean released, Blocker blockedBy) {}

    /** The first dead letter of a customer that still cannot be read, and why. */
    record Blocker(String id, String reasonCode, String reason) {}
}
