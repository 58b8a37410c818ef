package com.customer360.command.input;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks its format rules, with every offending field and why. */
public final class InvalidInput extends RuntimeException {

    /** One field at fault; {@code field} is a JSON path such as {@code lines[0].quantity}. */
    public record Violation(String field, String reason) {}

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(
                violations.stream().map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; ")),
                null,
                false,
                false);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
