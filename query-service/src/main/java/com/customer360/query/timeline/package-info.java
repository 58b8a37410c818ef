/**
 * The customer timeline: what happened to a customer and their orders, newest first — the event history a CRUD admin
 * cannot show. One small document per event, written idempotently by event id beside the other read models, read in
 * pages through an index with keyset cursors. It never holds contact details, only that they changed.
 */
package com.customer360.query.timeline;
