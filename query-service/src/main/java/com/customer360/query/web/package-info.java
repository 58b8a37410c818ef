/**
 * What every endpoint of the query API shares: errors as {@code application/problem+json} (RFC 9457) with a
 * field-level reason for every rejected input, and the rules for identifiers in paths.
 */
package com.customer360.query.web;
