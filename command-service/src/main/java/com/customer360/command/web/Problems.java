package com.customer360.command.web;

import com.customer360.command.input.InvalidInput.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with a stable type URI and, for bad input, the fields at fault. */
final class Problems {

    private static final String TYPES = "https://customer360.example/problems/";

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail invalid(List<Violation> violations) {
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "Invalid input",
                violations.size() == 1
                        ? violations.get(0).field() + " " + violations.get(0).reason()
                        : violations.size() + " fields are invalid");
        return withErrors(problem, violations);
    }

    static ProblemDetail withErrors(ProblemDetail problem, List<Violation> violations) {
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of("field", v.field(), "reason", v.reason()))
                        .toList());
        return problem;
    }
}
