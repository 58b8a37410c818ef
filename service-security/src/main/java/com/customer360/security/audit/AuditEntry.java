package com.customer360.security.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One action of an operator or analyst: who did what to which subject, and the few facts that say how (counts, ids, a
 * reason). Never contact data: the trail holds ids and figures only.
 *
 * @param id opaque, increasing with time; the cursor of the list
 * @param actor the signed-in user (a local user's name, the identity provider's subject)
 * @param action such as {@code dead-letters.delete}
 * @param subject what it was done to: a dead letter's id, a customer id, a view, {@code all}
 */
public record AuditEntry(
        String id, Instant at, String actor, String action, String subject, Map<String, String> details) {}
