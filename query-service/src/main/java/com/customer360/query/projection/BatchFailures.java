package com.customer360.query.projection;

import com.customer360.query.customer.CustomerFold;
import com.customer360.query.fold.Failure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The failures of a batch, by event, and the customers none of whose events of the batch went in. */
final class BatchFailures {
    final Map<Integer, Failure> byEvent = new HashMap<>();
    final Set<String> failedWhole = new HashSet<>();
    final Map<String, List<CustomerFold.Event>> byCustomer;

    BatchFailures(Map<String, List<CustomerFold.Event>> byCustomer) {
        this.byCustomer = byCustomer;
    }

    /** Every event of the customer's batch failed, for this reason: none of their documents were written. */
    void failWhole(String customerId, String reason) {
        failedWhole.add(customerId);
        for (CustomerFold.Event event : byCustomer.get(customerId)) {
            byEvent.put(event.index(), Failure.refused(reason));
        }
    }

    boolean isFailedWhole(String customerId) {
        return failedWhole.contains(customerId);
    }
}
