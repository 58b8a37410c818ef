package com.customer360.query.web;

/** The identifier syntax of the event contract, so a path that can never name a customer or order is a 400. */
public final class Identifiers {

    /** Same as {@code common.v1.schema.json#/$defs/id}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    public static final String RULE =
            "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter" + " or digit";

    private Identifiers() {}
}
