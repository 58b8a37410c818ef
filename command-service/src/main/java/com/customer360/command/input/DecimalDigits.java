package com.customer360.command.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A decimal with at most {@code integer} digits before and {@code fraction} digits after the point. Bean Validation's
 * {@code @Digits} counts in {@code int} and overflows on an exponent near {@code Integer.MAX_VALUE}: it accepts
 * {@code 1e2147483647}, which then fails every computation made on it. This counts in {@code long}, so that no
 * absurd amount gets past validation. Null is allowed.
 */
@Documented
@Constraint(validatedBy = DecimalDigits.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DecimalDigits {

    int integer();

    int fraction();

    String message() default "must have at most {integer} digits before and {fraction} after the decimal point";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link DecimalDigits}. */
    class Check implements ConstraintValidator<DecimalDigits, BigDecimal> {
        private int integer;
        private int fraction;

        @Override
        public void initialize(DecimalDigits constraint) {
            integer = constraint.integer();
            fraction = constraint.fraction();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            long integerDigits = (long) value.precision() - value.scale();
            return integerDigits <= integer && value.scale() <= fraction;
        }
    }
}
