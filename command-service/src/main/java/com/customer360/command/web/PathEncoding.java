package com.customer360.command.web;

import com.customer360.command.input.InvalidInput.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path whose percent-encoding is broken ({@code %} not followed by two hex digits). Tomcat does not decode
 * the {@code ;parameters} of a path segment, so such a path reaches Spring, whose decoding then fails with an
 * unexpected error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PathEncoding extends OncePerRequestFilter {

    private final ProblemWriter problems;

    PathEncoding(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isWellEncoded(request.getRequestURI())) {
            problems.write(
                    request,
                    response,
                    Problems.invalid(List.of(new Violation("path", "must be valid percent-encoding (%XX)"))));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isWellEncoded(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
