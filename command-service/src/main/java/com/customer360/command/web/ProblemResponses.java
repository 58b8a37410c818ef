package com.customer360.command.web;

import com.customer360.command.CommandRejected;
import com.customer360.command.Unavailable;
import com.customer360.command.input.InvalidInput;
import com.customer360.command.input.InvalidInput.Violation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal becomes a problem response that names the field and the reason; nothing a caller sends can produce a
 * stack trace or a 500.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return Problems.invalid(e.violations());
    }

    @ExceptionHandler(CommandRejected.class)
    ProblemDetail rejected(CommandRejected e) {
        ProblemDetail problem =
                switch (e.kind()) {
                    case INVALID ->
                        Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
                    case UNKNOWN_CUSTOMER, UNKNOWN_ORDER ->
                        Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
                    case CONFLICT, CONCURRENT_CHANGE ->
                        Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
                    case RULE_BROKEN, NOT_YET_ALLOWED ->
                        Problems.of(
                                HttpStatus.UNPROCESSABLE_ENTITY, "rule-broken", "Business rule broken", e.getMessage());
                    case ORDER_FOR_UNKNOWN_CUSTOMER ->
                        Problems.of(
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                "unknown-customer",
                                "Unknown customer",
                                e.getMessage());
                };
        return e.field() == null
                ? problem
                : Problems.withErrors(problem, List.of(new Violation(e.field(), e.getMessage())));
    }

    @ExceptionHandler(JsonProcessingException.class)
    ProblemDetail unreadable(JsonProcessingException e) {
        return Problems.invalid(List.of(violationOf(e)));
    }

    /** A query parameter outside its bounds (the audit trail's page size): 400 with the parameter and the reason. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String field = result.getMethodParameter().getParameterName();
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                field = param.name();
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                violations.add(new Violation(field, error.getDefaultMessage()));
            }
        });
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.TooLarge tooLarge = causeOf(e, RequestSizeLimit.TooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemWriter.tooLarge(tooLarge.maxBytes()));
        }
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        Violation violation = json != null ? violationOf(json) : new Violation("body", "must be a JSON document");
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(violation)));
    }

    /** Left to Spring Security, which answers 401 or 403. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (isUnreachable(e)) {
            log.warn("A store or broker could not be reached: {}", typesOf(e));
            return Problems.unavailable();
        }
        log.error(
                "Unexpected failure while handling a request (messages left out: they may quote the input)",
                redacted(e, 0));
        return Problems.serverError();
    }

    /**
     * The event store or Kafka cannot be reached, wherever the driver's or client's exception was wrapped: by Axon, by
     * Spring, or as {@link Unavailable}.
     */
    private static boolean isUnreachable(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof Unavailable
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The types of the exception and its causes, never their messages. */
    private static String typesOf(Throwable e) {
        StringBuilder types = new StringBuilder(e.getClass().getName());
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < 20; cause = cause.getCause(), depth++) {
            types.append(" <- ").append(cause.getClass().getName());
        }
        return types.toString();
    }

    /**
     * The exception's types and stack frames without its messages, for the log: a message may quote what the caller
     * sent, such as an email address, and personal data must never reach the logs.
     */
    private static Throwable redacted(Throwable e, int depth) {
        Throwable cause =
                e.getCause() == null || e.getCause() == e || depth > 20 ? null : redacted(e.getCause(), depth + 1);
        Throwable copy = new Redacted(e.getClass().getName(), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Stands in for an exception in the log, named by its type. */
    private static final class Redacted extends RuntimeException {
        Redacted(String type, Throwable cause) {
            super(type, cause, false, true);
        }
    }

    /** The outermost cause of the given type: it knows the JSON path, a deeper one only the parse failure. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Violation violationOf(JsonProcessingException e) {
        if (causeOf(e, StreamConstraintsException.class) != null) {
            return new Violation(
                    "body", "exceeds the limits on nesting depth or on the length of a number, string or field name");
        }
        if (e instanceof JsonParseException) {
            return new Violation("body", "is not valid JSON");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (e instanceof UnrecognizedPropertyException) {
                // Refused on purpose rather than ignored: a misspelt field would otherwise drop its data silently.
                return new Violation(field, "is not a known field");
            }
            if (e instanceof InvalidFormatException format) {
                return new Violation(field, "must be " + describe(format.getTargetType()));
            }
            if (e instanceof MismatchedInputException mismatch) {
                return new Violation(field, "must be " + describe(mismatch.getTargetType()));
            }
            return new Violation(field, "has an invalid value");
        }
        return new Violation("body", "must be a JSON object of the documented shape");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type == java.math.BigDecimal.class) {
            return "a decimal number such as \"12.50\"";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp such as \"2026-11-24T10:15:30Z\"";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }
}
