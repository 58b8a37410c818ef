/**
 * What every projection shares: the per-aggregate sequence rule (apply n + 1 after n; ignore what was applied; treat a
 * jump as a gap) and the outcome of folding an event. Plain Java only, so projections are tested by calling them.
 */
package com.customer360.query.fold;
