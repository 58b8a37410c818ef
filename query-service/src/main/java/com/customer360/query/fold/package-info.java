/**
 * What every projection shares: folding events into a document in memory, with a per-document sequence guard so
 * that an event applied twice changes nothing. Plain Java only, so projections are tested by calling them.
 */
package com.customer360.query.fold;
