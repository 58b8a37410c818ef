package com.customer360.command;

/**
 * Why a command was not carried out, in terms a caller can act on: what kind of problem it is, which field, and what
 * rule. Both doors — HTTP and the inbound topic — turn the kind into their own answer (a problem response, a dead
 * letter or a retry later) without looking at the field.
 */
public final class CommandRejected extends RuntimeException {

    /** The kinds of rejection, by what a caller can do about them; each door decides what they mean for it. */
    public enum Kind {
        /** The input itself is wrong (format, range, digits): correct it. */
        INVALID,
        /** The customer the command is for does not exist (yet): register it first. */
        UNKNOWN_CUSTOMER,
        /** The order the command is for does not exist (yet): create it first. */
        UNKNOWN_ORDER,
        /** An order names a customer that does not exist (yet): register the customer first. */
        ORDER_FOR_UNKNOWN_CUSTOMER,
        /** A status change the order is not ready for, which an earlier fact may still enable (a return before delivery). */
        NOT_YET_ALLOWED,
        /** The input is well-formed but breaks a business rule for good. */
        RULE_BROKEN,
        /** The request contradicts what was recorded under the same id. */
        CONFLICT,
        /** Others kept changing the same record at the same moment: the same request again will do. */
        CONCURRENT_CHANGE
    }

    private final Kind kind;
    private final String field;

    private CommandRejected(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static CommandRejected invalid(String field, String message) {
        return new CommandRejected(Kind.INVALID, field, message);
    }

    public static CommandRejected unknownCustomer(String customerId) {
        return new CommandRejected(Kind.UNKNOWN_CUSTOMER, "customerId", "no customer with id '" + customerId + "'");
    }

    public static CommandRejected unknownOrder(String orderId) {
        return new CommandRejected(Kind.UNKNOWN_ORDER, "orderId", "no order with id '" + orderId + "'");
    }

    public static CommandRejected orderForUnknownCustomer(String customerId) {
        return new CommandRejected(
                Kind.ORDER_FOR_UNKNOWN_CUSTOMER, "customerId", "no customer with id '" + customerId + "'");
    }

    public static CommandRejected notYetAllowed(String field, String message) {
        return new CommandRejected(Kind.NOT_YET_ALLOWED, field, message);
    }

    public static CommandRejected ruleBroken(String field, String message) {
        return new CommandRejected(Kind.RULE_BROKEN, field, message);
    }

    public static CommandRejected conflict(String field, String message) {
        return new CommandRejected(Kind.CONFLICT, field, message);
    }

    public static CommandRejected concurrentChange(String message) {
        return new CommandRejected(Kind.CONCURRENT_CHANGE, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or {@code null} when the whole request is. */
    public String field() {
        return field;
    }
}
