package com.customer360.query.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Nothing is known under the requested id; rendered as a 404 problem that names what was looked for. */
public final class NotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://customer360.example/problems/not-found");

    /**
     * @param kind what was looked for, such as {@code customer}
     * @param id the id it was looked for by
     */
    public NotFoundException(String kind, String id) {
        super(HttpStatus.NOT_FOUND, problem(kind, id), null);
    }

    private static ProblemDetail problem(String kind, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + kind + " '" + id + "'.");
        problem.setType(TYPE);
        problem.setTitle(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " not found");
        return problem;
    }
}
