package com.customer360.command.web;

import com.customer360.command.input.InvalidInput.Violation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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

    /** What a caller learns of a failure that is ours: never the exception or its message, which may quote input. */
    static ProblemDetail serverError() {
        return of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "server-error",
                "Internal error",
                "the request could not be completed; it is safe to retry with the same Idempotency-Key");
    }

    /** The event store or Kafka cannot be reached; nothing the caller sent is at fault. */
    static ProblemDetail unavailable() {
        return of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "the event store or Kafka cannot be reached right now; send the request again shortly, with the same"
                        + " Idempotency-Key");
    }

    /**
     * The problem for a bare status set by the servlet container or a filter, where nothing more is known; for a 400
     * the request as a whole is at fault.
     */
    static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known == HttpStatus.INTERNAL_SERVER_ERROR) {
            return serverError();
        }
        if (known == HttpStatus.BAD_REQUEST) {
            return invalid(List.of(new Violation(
                    "request",
                    "must be a well-formed HTTP request: a path without encoded '/', '\\' or NUL, valid"
                            + " percent-encoded UTF-8, and headers within the size limit")));
        }
        if (known == HttpStatus.NOT_FOUND) {
            return of(known, "not-found", "Not found", "there is nothing at this path");
        }
        return of(
                known,
                known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'),
                known.getReasonPhrase(),
                known.getReasonPhrase());
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
