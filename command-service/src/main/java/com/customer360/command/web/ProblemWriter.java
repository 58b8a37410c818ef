package com.customer360.command.web;

import com.customer360.command.input.InvalidInput.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem response from a servlet filter, where controller advice does not reach. */
@Component
class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        write(request, response, tooLarge(maxBytes));
    }

    static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large",
                "Request too large",
                "the request body exceeds the limit of " + maxBytes + " bytes");
        return Problems.withErrors(problem, List.of(new Violation("body", "must not exceed " + maxBytes + " bytes")));
    }

    /** The path the caller asked for (not {@code /error} on an error dispatch), if it makes a valid URI. */
    private static URI instanceOf(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return URI.create(original instanceof String path ? path : request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(instanceOf(request));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
