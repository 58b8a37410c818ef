package com.customer360.query.web;

import com.mongodb.MongoException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the query API into {@code application/problem+json}: bad input into a 400 that lists each
 * rejected field with its reason, and anything unexpected into a problem without internals, never a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("https://customer360.example/problems/invalid-request");
    static final URI UNAVAILABLE = URI.create("https://customer360.example/problems/unavailable");
    static final URI INTERNAL = URI.create("https://customer360.example/problems/internal-error");

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<RejectedField> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String field = fieldName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new RejectedField(field, error.getDefaultMessage()));
            }
        });
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? fieldName(mismatch.getParameter())
                : ex.getPropertyName();
        return invalid(List.of(new RejectedField(field, expected(ex.getRequiredType()))));
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<Object> storeUnavailable(MongoException ex) {
        log.warn("Read model store unavailable: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The read models cannot be reached right now; try again shortly.");
        problem.setType(UNAVAILABLE);
        problem.setTitle("Service unavailable");
        return ResponseEntity.of(problem).build();
    }

    /** Left to Spring Security, which answers 401 or 403 as problems of its own (see service-security). */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error while serving a query", ex);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The query could not be answered.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return ResponseEntity.of(problem).build();
    }

    private static ResponseEntity<Object> invalid(List<RejectedField> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.of(problem).build();
    }

    /** The name the client used: the request parameter or path variable name, not the Java parameter's. */
    private static String fieldName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    private static String expected(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be an integer";
        }
        return "has an invalid format";
    }
}
