package com.customer360.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service authenticates ({@code customer360.security.*}).
 *
 * @param localUsersFile the local users, one {@code user:password} per line, as the local stack writes them; set, HTTP
 *     Basic serves the APIs and a form login the pages
 * @param allowLocalUsers local users outside a loopback-only service must be allowed explicitly: a deployment reachable
 *     from elsewhere refuses to start with them otherwise
 * @param rolesClaim the JWT claim that holds the user's roles (an array of role names, or a space-separated string);
 *     nested claims with dots, such as {@code realm_access.roles} for Keycloak
 * @param allowedOrigins origins other than the service's own whose browsers may call it (CORS and the cross-site check);
 *     none unless set
 * @param secureCookies whether the session cookie is {@code Secure}; {@code null}: unless the service is on loopback
 * @param rateLimit requests a second one client may send to the paths under {@code rateLimitedPaths} (bursts of
 *     twice that); 0 for no limit
 * @param rateLimitedPaths the paths the rate limit applies to, such as {@code /api/} — the command API
 * @param loginPage the service's own sign-in page, if it has one ({@code /login} on the query service); Spring
 *     Security's plain form otherwise
 */
@ConfigurationProperties("customer360.security")
public record SecuritySettings(
        Path localUsersFile,
        @DefaultValue("false") boolean allowLocalUsers,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue List<String> allowedOrigins,
        Boolean secureCookies,
        @DefaultValue("0") long rateLimit,
        @DefaultValue("/api/") String rateLimitedPaths,
        String loginPage) {

    public SecuritySettings {
        // An empty setting (LOCAL_USERS_FILE= in an environment file) means none.
        if (localUsersFile != null && localUsersFile.toString().isBlank()) {
            localUsersFile = null;
        }
    }
}
