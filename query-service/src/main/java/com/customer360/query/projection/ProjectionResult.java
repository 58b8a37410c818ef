package com.customer360.query.projection;

import com.customer360.query.fold.Failure;
import java.util.Map;
import java.util.Set;

/**
 * What projecting a list of events did, by the events' indexes in that list: every event not named here is applied
 * (now or before).
 *
 * @param failures the events that could not be applied, with why
 * @param notApplied events left alone because an earlier event of their customer failed, when projecting stops a
 *     customer at its first failure
 * @param changedCustomers the customers whose documents changed, for live updates
 */
public record ProjectionResult(Map<Integer, Failure> failures, Set<Integer> notApplied, Set<String> changedCustomers) {

    static final ProjectionResult NOTHING = new ProjectionResult(Map.of(), Set.of(), Set.of());
}
