/**
 * Versions of views: the registry every reader resolves its version from (one document per view, so one write
 * switches every instance), rebuilds of a view into a new version beside the live one from the whole event history
 * (each with its own consumer group, lease and committed position), as-of snapshots, the diff between two versions,
 * and the switch and roll-back. See {@code docs/views.md}.
 */
package com.customer360.query.views;
