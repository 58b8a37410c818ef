package com.customer360.command;

/**
 * Why a command was not carried out, in terms a caller can act on: which field, what rule, and what kind of problem
 * it is. Both doors — HTTP and the inbound topic — turn it into their own answer (a problem response, a dead letter
 * or a retry later).
 */
public final class CommandRejected extends RuntimeException {

    /** The kinds of rejection; each door decides what they mean for it. */
    public enum Kind {
        /** The input itself is wrong (format, range, digits). */
        INVALID,
        /** The customer or order named in the path does not exist (yet). */
        NOT_FOUND,
        /** The request contradicts what was recorded under the same id. */
        CONFLICT,
        /** The input is well-formed but breaks a business rule in the current state. */
        RULE_BROKEN,
        /** An order names a customer that does not exist (yet). */
        UNKNOWN_CUSTOMER
    }

    private final Kind kind;
    private final String field;

    public CommandRejected(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static CommandRejected invalid(String field, String message) {
        return new CommandRejected(Kind.INVALID, field, message);
    }

    public static CommandRejected notFound(String field, String message) {
        return new CommandRejected(Kind.NOT_FOUND, field, message);
    }

    public static CommandRejected conflict(String field, String message) {
        return new CommandRejected(Kind.CONFLICT, field, message);
    }

    public static CommandRejected ruleBroken(String field, String message) {
        return new CommandRejected(Kind.RULE_BROKEN, field, message);
    }

    public static CommandRejected unknownCustomer(String customerId) {
        return new CommandRejected(Kind.UNKNOWN_CUSTOMER, "customerId", "no customer with id '" + customerId + "'");
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or {@code null} when the whole request is. */
    public String field() {
        return field;
    }
}
