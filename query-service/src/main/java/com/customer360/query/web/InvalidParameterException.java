package com.customer360.query.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter that passed its syntax checks but means nothing here; rendered as a 400 naming the field. */
public final class InvalidParameterException extends ErrorResponseException {

    private final String field;
    private final String reason;

    public InvalidParameterException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(field, reason), null);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    private static ProblemDetail problem(String field, String reason) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setType(ApiProblems.INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new RejectedField(field, reason)));
        return problem;
    }
}
