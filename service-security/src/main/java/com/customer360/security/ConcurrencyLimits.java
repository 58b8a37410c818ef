package com.customer360.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * How many long-running requests — exports, event streams — one user may have open at once (OWASP API4): each kind
 * has its own limit, and the request past it gets 429 as problem+json. The permit is given back when the request ends.
 */
public final class ConcurrencyLimits {

    private final int perUser;
    private final String what;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /**
     * @param what what is limited, for the problem's text (such as "exports")
     */
    public ConcurrencyLimits(int perUser, String what) {
        this.perUser = perUser;
        this.what = what;
    }

    /** One more for the current user, or a 429 problem. Give it back with {@link Permit#close()} exactly once. */
    public Permit acquire() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String name = user == null ? "" : user.getName();
        Semaphore semaphore = permits.computeIfAbsent(name, key -> new Semaphore(perUser));
        if (!semaphore.tryAcquire()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "You have " + perUser + " " + what + " open already; close one or wait for it to end.");
            problem.setTitle("Too many at once");
            problem.setType(java.net.URI.create(SecurityProblems.TYPE_BASE + "too-many-at-once"));
            throw new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        }
        return new Permit(semaphore);
    }

    /** A request's share of the limit. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore semaphore;
        private boolean closed;

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                semaphore.release();
            }
        }
    }
}
