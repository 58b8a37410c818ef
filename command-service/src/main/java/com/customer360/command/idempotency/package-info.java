/**
 * Makes retries harmless. A caller's request id (an HTTP {@code Idempotency-Key}, or an inbound CloudEvent's source
 * and id) travels as metadata onto every event its command produces; each aggregate remembers the ids it has seen,
 * so a retry is recognised from the aggregate's own history even after a crash, with no separate table to keep in
 * step.
 */
package com.customer360.command.idempotency;
