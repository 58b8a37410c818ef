package com.customer360.events;

/**
 * The syntax of customer, order, store and refund ids, as {@code common.v1.schema.json#/$defs/id} states it: both
 * services check paths and bodies against the same rule.
 */
public final class Identifiers {

    /** 1–64 letters, digits and {@code . _ : -}, starting with a letter or digit. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /** What a caller is told when an id breaks the rule. */
    public static final String RULE =
            "must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private Identifiers() {}
}
