package com.customer360.query.views;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** What is asked of a view does not fit its state: another rebuild runs, the rebuild has not caught up; a 409. */
final class ViewConflictException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://customer360.example/problems/view-conflict");

    private ViewConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    static ViewConflictException of(String detail) {
        return new ViewConflictException(detail);
    }

    static ViewConflictException rebuildRunning(String view, String rebuildId) {
        ViewConflictException conflict = new ViewConflictException(
                "Rebuild " + rebuildId + " of " + view + " runs; at most one rebuild of a view runs at a time.");
        conflict.getBody().setProperty("rebuildId", rebuildId);
        return conflict;
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(TYPE);
        problem.setTitle("Not now for this view");
        return problem;
    }
}
