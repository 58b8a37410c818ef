package com.customer360.security;

import jakarta.servlet.SessionCookieConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The security of both services, one place for what they share; which endpoint needs which role is declared at the
 * endpoint ({@link EndpointRules}). Two filter chains:
 *
 * <ul>
 *   <li>the APIs ({@code /api/**}, {@code /actuator/**}, {@code /v3/api-docs}): HTTP Basic with the local users or
 *       a JWT bearer token from the identity provider (and the session of a user logged into the pages), 401 and 403 as
 *       problem+json, no session created, cross-site state changes refused;
 *   <li>everything else — the pages and the API page: a login form with the local users or an OIDC login at the
 *       identity provider, a session cookie that is {@code HttpOnly}, {@code SameSite=Strict} and {@code Secure}
 *       outside loopback, CSRF tokens on every form.
 * </ul>
 *
 * Both send a Content-Security-Policy without inline scripts, forbid framing and content sniffing, and allow no other
 * origin unless configured. {@code /actuator/health} is open; the rest of the actuator needs {@code admin}.
 */
// Before Boot's own security configurations: theirs back off once these chains are defined (a JWT resource server
// would otherwise add a second chain for every request); the JWT decoder they define is looked up when the chains are
// built.
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            OAuth2ClientAutoConfiguration.class
        },
        beforeName =
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class ServiceSecurity {

    static final String REALM = "Basic realm=\"customer360\"";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String[] PUBLIC_ASSETS = {
        "/login",
        "/error",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/assets/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**"
    };

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules();
    }

    /** Each endpoint's rule, applied before the request's parameters are bound ({@link RuleCheck}). */
    @Bean
    WebMvcConfigurer ruleCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RuleCheck());
            }
        };
    }

    /**
     * A request the firewall refuses (a path with {@code ;}, an encoded slash, a header with control characters)
     * gets a problem like every other refusal.
     */
    @Bean
    RequestRejectedHandler rejectedRequests() {
        return (request, response, rejected) -> {
            boolean header =
                    rejected.getMessage() != null && rejected.getMessage().contains("header");
            SecurityProblems.write(
                    response,
                    400,
                    "malformed-request",
                    "Malformed request",
                    "The request's path or headers hold characters this service does not accept.",
                    header ? "headers" : "path",
                    header
                            ? "must hold printable characters only"
                            : "must not hold ';', an encoded '/', '\\\\', '%' or '.', or a control character");
        };
    }

    /** The session cookie of the pages: {@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} off loopback. */
    @Bean
    ServletContextInitializer sessionCookie(SecuritySettings settings, Environment environment) {
        boolean secure = settings.secureCookies() != null ? settings.secureCookies() : !isLoopbackOnly(environment);
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            cookie.setSecure(secure);
            cookie.setAttribute("SameSite", "Strict");
        };
    }

    /** The local users' passwords; see {@link LocalPasswords}. */
    @Bean
    PasswordEncoder localPasswords() {
        return LocalUsers.ENCODER;
    }

    @Bean
    UserDetailsService localUsers(SecuritySettings settings, Environment environment) {
        if (settings.localUsersFile() == null) {
            return new InMemoryUserDetailsManager();
        }
        if (!settings.allowLocalUsers() && !isLoopbackOnly(environment)) {
            throw new IllegalStateException("Local users (" + settings.localUsersFile() + ") are for a service on "
                    + "loopback only; this one listens on "
                    + environment.getProperty("server.address", "every " + "address")
                    + ". Use an identity provider, or set customer360.security.allow-local-users=true.");
        }
        return new InMemoryUserDetailsManager(LocalUsers.details(settings.localUsersFile()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apis(
            HttpSecurity http, SecuritySettings settings, Environment environment, ObjectProvider<JwtDecoder> jwt)
            throws Exception {
        requireAWayIn(settings, jwt);
        boolean bearer = jwt.getIfAvailable() != null;
        SecurityProblems problems = new SecurityProblems(bearer ? "Bearer" : REALM);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequests(settings.allowedOrigins()), BasicAuthenticationFilter.class)
                .cors(cors -> cors.configurationSource(cors(settings)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers(headers, environment, settings));
        if (bearer) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            RolesFromClaims roles = new RolesFromClaims(settings.rolesClaim());
            converter.setJwtGrantedAuthoritiesConverter(token -> roles.authorities(token.getClaims()));
            http.oauth2ResourceServer(server -> server.jwt(token -> token.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        if (settings.localUsersFile() != null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (settings.rateLimit() > 0) {
            http.addFilterAfter(
                    new RateLimits(settings.rateLimit(), settings.rateLimitedPaths()),
                    org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            SecuritySettings settings,
            Environment environment,
            ObjectProvider<ClientRegistrationRepository> identityProvider)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_ASSETS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new CrossSiteRequests(settings.allowedOrigins()), BasicAuthenticationFilter.class)
                .cors(cors -> cors.configurationSource(cors(settings)))
                .headers(headers -> headers(headers, environment, settings))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (identityProvider.getIfAvailable() != null) {
            RolesFromClaims roles = new RolesFromClaims(settings.rolesClaim());
            http.oauth2Login(login -> login.userInfoEndpoint(
                    info -> info.userAuthoritiesMapper(authorities -> oidcRoles(authorities, roles))));
        }
        if (settings.localUsersFile() != null) {
            http.formLogin(form -> {
                if (settings.loginPage() != null) {
                    form.loginPage(settings.loginPage());
                }
                form.defaultSuccessUrl("/", false);
            });
            // Scripts and curl may read a page with the same credentials as the API; browsers get the form.
            http.httpBasic(basic -> {});
        }
        return http.build();
    }

    private static Collection<GrantedAuthority> oidcRoles(
            Collection<? extends GrantedAuthority> authorities, RolesFromClaims roles) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                mapped.addAll(roles.authorities(oidc.getIdToken().getClaims()));
                if (oidc.getUserInfo() != null) {
                    mapped.addAll(roles.authorities(oidc.getUserInfo().getClaims()));
                }
            }
        }
        return mapped;
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
            Environment environment,
            SecuritySettings settings) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .contentTypeOptions(options -> {})
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    private static UrlBasedCorsConfigurationSource cors(SecuritySettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(settings.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
            source.registerCorsConfiguration("/**", configuration);
        }
        return source;
    }

    private static void requireAWayIn(SecuritySettings settings, ObjectProvider<JwtDecoder> jwt) {
        if (settings.localUsersFile() == null && jwt.getIfAvailable() == null) {
            throw new IllegalStateException(
                    "Nobody could sign in: set customer360.security.local-users-file (the local "
                            + "stack does) or an identity provider (spring.security.oauth2.resourceserver.jwt.issuer-uri or "
                            + "jwk-set-uri; see docs/security.md).");
        }
    }

    /** Whether the service listens on a loopback address only. */
    static boolean isLoopbackOnly(Environment environment) {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
