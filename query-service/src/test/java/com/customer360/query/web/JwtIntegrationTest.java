package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production setup: no local users, bearer tokens from an identity provider — here one of our own on loopback
 * that publishes its key set as Keycloak does and signs tokens with roles under {@code realm_access.roles}.
 */
class JwtIntegrationTest {

    private static final String ISSUER = "http://127.0.0.1/realms/customer360";

    private static HttpServer identityProvider;
    private static RSAKey key;
    private static StandaloneQueryService service;
    private static final String CUSTOMER = "c-jwt-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identityProvider.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        identityProvider.start();
        service = StandaloneQueryService.start(
                "jwt-views",
                Map.of(
                        "customer360.security.local-users-file",
                        "",
                        "customer360.security.roles-claim",
                        "realm_access.roles",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        ISSUER,
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/certs"));
        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(new EventHistory()
                                .registered(CUSTOMER, "Ada Lovelace", "ada.jwt@example.com", "+44 20 7946 0000"))));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    @Test
    void shouldLetInWhatTheTokensRolesAllow() throws Exception {
        TestHttp.Answer viewer =
                as(token(ISSUER, List.of("viewer"), Duration.ofMinutes(5), key)).get("/api/customers/" + CUSTOMER);
        TestHttp.Answer analyst = as(token(ISSUER, List.of("analyst", "offline_access"), Duration.ofMinutes(5), key))
                .get("/api/customers/" + CUSTOMER);
        TestHttp.Answer writer =
                as(token(ISSUER, List.of("writer"), Duration.ofMinutes(5), key)).get("/api/customers/" + CUSTOMER);
        TestHttp.Answer admin =
                as(token(ISSUER, List.of("admin"), Duration.ofMinutes(5), key)).get("/api/admin/dead-letters");

        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.json().get("email").asText()).isEqualTo("ada.jwt@example.com");
        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.json().get("email").asText()).contains("***").doesNotContain("ada.jwt");
        assertThat(writer.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void shouldTurnAwayATokenThatIsExpiredForeignOrFromAnotherIssuer() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        List<String> tokens = List.of(
                token(ISSUER, List.of("viewer"), Duration.ofMinutes(-5), key),
                token(ISSUER, List.of("viewer"), Duration.ofMinutes(5), stranger),
                token("http://127.0.0.1/realms/elsewhere", List.of("viewer"), Duration.ofMinutes(5), key),
                "not-a-token");
        for (String token : tokens) {
            TestHttp.Answer answer = as(token).get("/api/customers/" + CUSTOMER);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        }
        assertThat(service.http(null).get("/api/customers/" + CUSTOMER).status())
                .isEqualTo(401);
        assertThat(service.http(null)
                        .as("viewer", "viewer-secret")
                        .get("/api/customers/" + CUSTOMER)
                        .status())
                .as("no local users in this setup")
                .isEqualTo(401);
    }

    private static TestHttp as(String token) {
        return service.http(null).authorizedBy("Bearer " + token);
    }

    private static String token(String issuer, List<String> roles, Duration validFor, RSAKey signer)
            throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("someone-" + UUID.randomUUID())
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("realm_access", Map.of("roles", roles))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
