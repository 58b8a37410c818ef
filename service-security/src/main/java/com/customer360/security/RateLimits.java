package com.customer360.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per client (OWASP API4): each authenticated user — an upstream system's credential — has a token bucket
 * (Bucket4j) of {@code requests-per-second} refilled continuously, with room for a burst of twice that; past it, a
 * request gets 429 as problem+json with {@code Retry-After}. Clients without credentials are limited by address before
 * they are turned away.
 */
final class RateLimits extends OncePerRequestFilter {

    /** A bound on the clients remembered; beyond it the buckets start afresh (a burst more, never a lock-out). */
    private static final int MAX_CLIENTS = 100_000;

    private final long perSecond;
    private final String pathPrefix;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(long perSecond, String pathPrefix) {
        this.perSecond = perSecond;
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(pathPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(clientOf(request), client -> bucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        response.setHeader("Retry-After", Long.toString(seconds));
        SecurityProblems.write(
                response,
                429,
                "too-many-requests",
                "Too many requests",
                "This client sent more than " + perSecond + " requests a second; try again in " + seconds + " s.");
    }

    private Bucket bucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(2 * perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    private static String clientOf(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() ? "user:" + user.getName() : "address:" + request.getRemoteAddr();
    }
}
