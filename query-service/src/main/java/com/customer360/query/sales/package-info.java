/**
 * The store-sales view: per store, per day (UTC, by the order's order date) and per currency, the counted orders,
 * revenue, refunds and average order value. It is built by replay: its own consumer group reads the event topic from
 * its beginning on first start (the backfill) and then follows live events. Each order's current contribution is kept
 * in a document of its own, guarded by the order's sequence; a day's figures are recomputed from the contributions of
 * its orders, so they always reflect every order's current state however often an event is delivered.
 */
package com.customer360.query.sales;
