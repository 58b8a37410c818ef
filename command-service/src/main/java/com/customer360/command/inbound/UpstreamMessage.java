package com.customer360.command.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A readable message: its CloudEvents identity and type, and its data, already checked against the type's schema.
 * {@code source} and {@code id} together identify it; the request id built from them makes a repeat harmless.
 */
record UpstreamMessage(String source, String id, String type, ObjectNode data) {

    String requestId() {
        return "ce:" + source + "|" + id;
    }

    /** With lines it is the whole order (new, or a draft reported as placed); without, it names one by id. */
    boolean isWholeOrder() {
        return data.has("lines");
    }

    /** A text field of the data, or null. */
    String text(String field) {
        return data.path(field).isTextual() ? data.get(field).asText() : null;
    }
}
