/**
 * The customer detail read model behind the customer details page: contact details, the order history rows and the
 * per-currency figures (order count, lifetime value, average order value), precomputed so that a page is one key
 * lookup.
 */
package com.customer360.query.customer;
