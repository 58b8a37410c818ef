package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the OpenAPI document, asked with no credentials, a wrong password and each role: the answer is
 * exactly what the endpoint's declared rule says — 401 without (valid) credentials, 403 for a role it does not name,
 * and neither for one it names. Taken from the document, so an endpoint added without a rule fails here too.
 */
class EndpointRulesIntegrationTest {

    private static final Pattern ROLES = Pattern.compile("'([a-z]+)'");

    private final StandaloneQueryService service = StandaloneQueryService.shared();

    @Test
    void shouldAnswerEveryEndpointExactlyAsItsRuleSays() {
        String customer = "c-rules-" + UUID.randomUUID();
        EventHistory history = new EventHistory();
        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(
                                history.registered(customer, null),
                                history.placed(customer + "-o", customer, "EUR", "1.00", "2026-01-01"))));

        JsonNode api = service.http().get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : fields(api.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                String method = operation.getKey().toUpperCase();
                Set<String> allowed = declaredRoles(method, path.getKey());
                String url = path.getKey()
                        .replace("{customerId}", customer)
                        .replace("{orderId}", customer + "-o")
                        .replace("{id}", "customer-order-events-0-999999");
                expect(wrong, method, url, null, 401);
                expect(wrong, method, url, service.http().anonymous().as("admin", "not-the-password"), 401);
                for (String role : TestUsers.ROLES) {
                    expect(wrong, method, url, service.http(role), allowed.contains(role) ? null : 403);
                }
                checked++;
            }
        }
        System.out.printf(
                "endpoint rules: %d operations checked with no credentials, a wrong password and 4 roles%n", checked);
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldKeepHealthOpenAndTheRestOfTheActuatorForAdministrators() {
        assertThat(service.http(null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(service.http(null).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(service.http("viewer").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(service.http("admin").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnauthenticatedAndForbiddenAsProblems() {
        TestHttp.Answer anonymous = service.http(null).get("/api/customers");
        TestHttp.Answer writer = service.http("writer").get("/api/customers");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(anonymous.json().path("title").asText()).isEqualTo("Authentication required");
        assertThat(writer.status()).isEqualTo(403);
        assertThat(writer.json().path("title").asText()).isEqualTo("Forbidden");
    }

    /**
     * @param client {@code null} for no credentials
     * @param status the status expected, or {@code null} for "let through": anything but 401 and 403
     */
    private void expect(List<String> wrong, String method, String url, TestHttp client, Integer status) {
        TestHttp http = client == null ? service.http(null) : client;
        int answered = http.statusOf(method, url);
        boolean right = status == null ? answered != 401 && answered != 403 : answered == status;
        if (!right) {
            wrong.add(method + " " + url + " as " + (client == null ? "nobody" : "a user") + ": " + answered
                    + " instead of " + (status == null ? "let through" : status));
        }
    }

    /** The roles the endpoint's rule names, from the {@code @PreAuthorize} its annotation carries. */
    private Set<String> declaredRoles(String method, String path) {
        RequestMappingHandlerMapping mapping =
                service.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            boolean samePath = info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getPatternValues().contains(path);
            boolean sameMethod = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().stream()
                            .anyMatch(m -> m.name().equals(method));
            if (samePath && sameMethod) {
                PreAuthorize rule = rule(handler.getValue());
                assertThat(rule).as("the rule of %s %s", method, path).isNotNull();
                Set<String> roles = new LinkedHashSet<>();
                Matcher names = ROLES.matcher(rule.value());
                while (names.find()) {
                    roles.add(names.group(1));
                }
                return rule.value().equals("permitAll()") ? Set.copyOf(TestUsers.ROLES) : roles;
            }
        }
        throw new AssertionError("no handler for " + method + " " + path);
    }

    private static PreAuthorize rule(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        return rule != null
                ? rule
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }
}
