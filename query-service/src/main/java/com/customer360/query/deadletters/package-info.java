/**
 * Dead letters of the query side, behind one small interface ({@link com.customer360.query.deadletters.DeadLetters})
 * that the listener uses: records it could not read, events a read model could not apply, and the records held behind
 * them.
 *
 * <p><b>Block the customer, not the partition.</b> Each document applies only the next event of each aggregate, so an
 * event skipped now could never be applied later. Hence a record that cannot be used puts its customer on hold: it
 * and every later record of the customer are stored in {@code dead_letters} (what re-drive works from; the id
 * {@code <topic>-<partition>-<offset>} makes storing them again a no-op) and published to the dead-letter topic
 * (alerting and audit); holds are in {@code held_customers}, checked with one {@code _id $in} query per batch. Every
 * other customer keeps flowing. A record without a key is dead-lettered and holds nobody.
 *
 * <p>{@code POST /api/admin/dead-letters/redrive} applies a held customer's dead letters through the listener's own
 * reading and projection and releases the hold when none is left; customers held at a sequence gap are re-driven by
 * {@link com.customer360.query.deadletters.GapHealer} as their records arrive, so a gap closes by itself once the
 * missing event comes. {@link com.customer360.query.deadletters.DeadLetterRedrive} says why all this is safe next to
 * the live listener.
 */
package com.customer360.query.deadletters;
