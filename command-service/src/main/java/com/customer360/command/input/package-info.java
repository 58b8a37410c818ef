/**
 * What callers send and how it is checked, shared by both doors (HTTP and the inbound topic) so that the same input
 * is accepted or refused the same way wherever it arrives.
 *
 * <p>Every field is checked: lengths, formats, ranges, the currency's digits, plausible times, and plain text (see
 * {@code PlainText}). A field the request does not define is refused, never ignored, and the refusal names it
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties}): a caller's typo ({@code "emial"}) must not drop
 * data silently.
 */
package com.customer360.command.input;
