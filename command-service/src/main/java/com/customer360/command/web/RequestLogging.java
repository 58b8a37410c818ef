package com.customer360.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The request log: one line per request with its method, route, status, time and request id, so that an operator can
 * follow a request a caller quotes by the {@code X-Request-Id} of its answer. It names the route ({@code
 * /api/orders/{orderId}/refunds}), never the path, the query, a header or the body, which can carry an email address,
 * a phone number or a credential. A caller's own well-formed request id (a gateway's) is kept; any other is replaced.
 * Accepted requests are logged at DEBUG, refusals at INFO and failures at WARN, so that a busy service's log shows
 * what went wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogging extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestIdOf(request.getHeader(HEADER));
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            int status = failed ? 500 : response.getStatus();
            log.atLevel(levelOf(status))
                    .log(
                            "{} {} answered {} in {} ms (request {})",
                            methodOf(request.getMethod()),
                            route instanceof String pattern ? pattern : "(no route)",
                            status,
                            millis,
                            requestId);
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * The line of a request the servlet container refused before any filter saw it (a malformed request line, an
     * encoded slash, headers above the limit): only its status is known for sure.
     */
    static void refusedByTheContainer(org.apache.catalina.connector.Response response, int status) {
        if (response.getHeader(HEADER) != null) {
            return;
        }
        String requestId = newRequestId();
        response.setHeader(HEADER, requestId);
        log.atLevel(levelOf(status)).log("Refused by the server before routing: {} (request {})", status, requestId);
    }

    private static String requestIdOf(String given) {
        return given != null && WELL_FORMED.matcher(given).matches() ? given : newRequestId();
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** A method is a token the caller chose: only the standard ones are written as they came. */
    private static String methodOf(String method) {
        return METHODS.contains(method) ? method : "(other method)";
    }

    private static Level levelOf(int status) {
        if (status >= 500) {
            return Level.WARN;
        }
        return status >= 400 ? Level.INFO : Level.DEBUG;
    }
}
