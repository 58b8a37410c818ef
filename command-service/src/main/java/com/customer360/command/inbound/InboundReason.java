package com.customer360.command.inbound;

/** Why a message was dead-lettered or is waiting; travels as the {@code dlq-reason-code} header. */
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
