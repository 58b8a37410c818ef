package com.customer360.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as {@code application/problem+json} (RFC 9457), like every other error of the APIs: without credentials
 * (or with wrong ones) a client is told to authenticate; with a role that may not do it, that it may not. Neither says
 * more — not which users exist, not which role would do.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPE_BASE = "https://customer360.example/problems/";

    private final String challenge;

    /**
     * @param challenge the {@code WWW-Authenticate} scheme to offer, such as {@code Basic realm="customer360"}, or
     *     {@code Bearer}
     */
    SecurityProblems(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(
                response,
                401,
                "unauthenticated",
                "Authentication required",
                "Send credentials: HTTP Basic with a local user, or a bearer token from the identity provider.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, "forbidden", "Forbidden", "Your role may not do this.");
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        write(response, status, type, title, detail, null, null);
    }

    /** A problem naming the field at fault and why, as the services' 400s do. Every text here is a constant. */
    static void write(
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            String field,
            String reason)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String errors =
                field == null ? "" : ",\"errors\":[{\"field\":\"" + field + "\",\"reason\":\"" + reason + "\"}]";
        response.getWriter()
                .write("{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"" + errors + "}");
    }
}
