package com.customer360.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests a browser sends on behalf of another site. A browser attaches cookies and cached
 * Basic credentials to any request a page elsewhere makes — a plain form can post to {@code /api/orders/x/cancel},
 * which needs no body — so such a request is told apart by what browsers say of it: {@code Sec-Fetch-Site:
 * cross-site}, or an {@code Origin} that is neither the service's own nor one of the allowed ones. Clients that are not
 * browsers send neither and are not affected; the pages' own forms also carry a CSRF token.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;

    CrossSiteRequests(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && isCrossSite(request)) {
            SecurityProblems.write(
                    response,
                    403,
                    "cross-site-request",
                    "Cross-site request refused",
                    "A page of another site may not change anything here.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            return !origin.equals(ownOrigin(request)) && !allowedOrigins.contains(origin);
        }
        if (origin != null) {
            return true; // an opaque origin: a sandboxed frame, a page opened from a file
        }
        return "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
