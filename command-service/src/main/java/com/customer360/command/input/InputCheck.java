package com.customer360.command.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs the Bean Validation constraints of a request, and the plain-text rule on all its strings, and turns any breach
 * into {@link InvalidInput}.
 */
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
        List<InvalidInput.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            violations.add(new InvalidInput.Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        PlainText.check(request, "", violations);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(InvalidInput.Violation::field));
            throw new InvalidInput(violations);
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
