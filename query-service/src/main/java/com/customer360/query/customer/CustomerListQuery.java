package com.customer360.query.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a merchant asks of the customer list: a search, a sort, filters and a page. {@code null} filters filter
 * nothing.
 *
 * @param q part of a name, email or phone
 * @param sort one of {@link CustomerDetailsDocuments#SORT_FIELDS}' names
 * @param minLifetimeValue in the customers' primary currency; meaningful with {@code currency}
 */
public record CustomerListQuery(
        String q,
        String sort,
        boolean descending,
        Boolean stuckInTransit,
        Boolean hasDraft,
        BigDecimal minLifetimeValue,
        String currency,
        Instant lastOrderBefore,
        Instant lastOrderAfter) {}
