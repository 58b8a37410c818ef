package com.customer360.command.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Runs the Bean Validation constraints of a request and turns any breach into {@link InvalidInput}. */
@Component
public class InputCheck {

    private final Validator validator;

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T request) {
        if (request == null) {
            throw InvalidInput.of("body", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations.stream()
                    .map(v -> new InvalidInput.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(InvalidInput.Violation::field))
                    .toList());
        }
        return request;
    }

    public String id(String field, String value) {
        if (value == null || !Identifier.PATTERN.matcher(value).matches()) {
            throw new InvalidInput(List.of(new InvalidInput.Violation(field, Identifier.MESSAGE)));
        }
        return value;
    }
}
