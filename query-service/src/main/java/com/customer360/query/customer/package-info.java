/**
 * The customer detail read model behind the customer details page: contact details and the figures of every order
 * kept incrementally — per-currency sums (order count, lifetime value, average order value), counts per status and
 * short rankings for the latest shipping address and first and last order — so that the document stays bounded
 * and a page is one key lookup. The order history is served from the order documents.
 */
package com.customer360.query.customer;
