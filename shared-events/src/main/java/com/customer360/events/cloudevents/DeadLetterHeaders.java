package com.customer360.events.cloudevents;

/**
 * The headers every dead-letter topic of Customer 360 adds to a record it could not use. The original key, value
 * and headers travel unchanged beside them, so a record can be re-driven exactly as it first arrived.
 */
public final class DeadLetterHeaders {

    /** A stable code such as {@code MALFORMED_JSON} or {@code RULE_BROKEN}, for alerts and filters. */
    public static final String REASON_CODE = "dlq-reason-code";
    /** What was wrong, for a person. */
    public static final String REASON = "dlq-reason";

    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    /** When the record was given up on, as an RFC 3339 timestamp. */
    public static final String FAILED_AT = "dlq-failed-at";

    /** Every header name above starts with this, so a re-drive can strip them. */
    public static final String PREFIX = "dlq-";

    private DeadLetterHeaders() {}
}
