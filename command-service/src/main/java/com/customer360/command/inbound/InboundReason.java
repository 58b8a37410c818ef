package com.customer360.command.inbound;

/**
 * Why a message was dead-lettered or is waiting; travels as the {@link
 * com.customer360.events.cloudevents.DeadLetterHeaders#REASON_CODE} header.
 */
enum InboundReason {
    TOO_LARGE,
    MALFORMED_JSON,
    NOT_A_CLOUDEVENT,
    UNKNOWN_TYPE,
    SCHEMA_VIOLATION,
    INVALID_INPUT,
    CONFLICT,
    RULE_BROKEN,
    UNKNOWN_CUSTOMER,
    UNKNOWN_ORDER,
    PROCESSING_FAILED
}
