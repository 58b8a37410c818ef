package com.customer360.command.input;

import com.customer360.events.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 4217 code of a currency with a fixed number of minor digits (so not gold, SDR or test codes). */
@Documented
@Constraint(validatedBy = CurrencyCode.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as USD, EUR or JPY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link CurrencyCode}. */
    class Check implements ConstraintValidator<CurrencyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Money.isCurrency(value);
        }
    }
}
