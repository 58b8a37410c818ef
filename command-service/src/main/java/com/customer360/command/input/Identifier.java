package com.customer360.command.input;

import com.customer360.events.Identifiers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An id chosen by us or by an upstream system: 1–64 characters, letters, digits and {@code . _ : -}, starting with a
 * letter or digit. Null is allowed (use {@code @NotNull} where an id is required).
 */
@Documented
@Constraint(validatedBy = Identifier.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    Pattern PATTERN = Pattern.compile(Identifiers.PATTERN);
    String MESSAGE = Identifiers.RULE;

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link Identifier}. */
    class Check implements ConstraintValidator<Identifier, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PATTERN.matcher(value).matches();
        }
    }
}
