/**
 * Projects events into the customer and order documents, customer by customer: {@link
 * com.customer360.query.projection.CustomerFold} folds one customer's events into their documents in memory, and
 * {@link com.customer360.query.projection.Projector} reads and writes a whole batch in four round trips, customer
 * documents before order documents, reporting by event what could not be applied and why, so that one customer's
 * problem holds that customer and nobody else.
 */
package com.customer360.query.projection;
