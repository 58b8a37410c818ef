package com.customer360.command.web;

import com.customer360.command.input.InvalidInput.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code Content-Type} or {@code Accept} header that cannot be understood before Spring MVC reads it. Spring
 * fails on a wildcard content type with an unexpected error, and on an unparsable {@code Accept} it answers with an
 * empty body, because the problem itself cannot be negotiated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MediaTypeHeaders extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MediaTypeHeaders(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isConcrete(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            Violation violation = new Violation(HttpHeaders.CONTENT_TYPE, "must be application/json");
            ProblemDetail problem = Problems.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Unsupported media type",
                    violation.field() + " " + violation.reason());
            problems.write(request, response, Problems.withErrors(problem, List.of(violation)));
            return;
        }
        if (!isParsable(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
            problems.write(
                    request,
                    response,
                    Problems.invalid(List.of(new Violation(
                            HttpHeaders.ACCEPT, "must be a list of media types such as application/json"))));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** As Spring's content negotiation parses and sorts it, which also refuses too many media types. */
    private static boolean isParsable(List<String> accept) {
        try {
            MimeTypeUtils.sortBySpecificity(MediaType.parseMediaTypes(accept));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
