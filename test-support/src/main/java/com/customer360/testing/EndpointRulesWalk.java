package com.customer360.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every operation of a service's OpenAPI document with no credentials, a wrong password and each role, and
 * compares the answers with the rule the endpoint declares: 401 without valid credentials, 403 for a role the rule does
 * not name, neither for one it names. Taken from the document, so an endpoint cannot be left out.
 *
 * @param clients a client signed in with a role; {@code null} for one without credentials
 * @param context the service, whose handler methods carry the rules
 * @param pathValues what to put for each path variable, such as {@code {orderId}}: ids the request may not change
 */
public record EndpointRulesWalk(
        Function<String, TestHttp> clients, ApplicationContext context, Map<String, String> pathValues) {

    private static final Pattern ROLES = Pattern.compile("'([a-z]+)'");

    /** What the walk found. */
    public record Outcome(int operations, List<String> wrong) {}

    public Outcome walk() {
        JsonNode api = clients.apply("admin").get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : fields(api.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                String method = operation.getKey().toUpperCase();
                // A body of the type the operation takes, so that a role the rule leaves out meets the rule first
                // and not the refusal of a missing body.
                String contentType = fields(
                                operation.getValue().path("requestBody").path("content"))
                        .stream()
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(List.of("POST", "PUT", "PATCH").contains(method) ? "application/json" : null);
                String body = contentType == null ? null : "{}";
                Set<String> allowed = declaredRoles(method, path.getKey());
                String url = path.getKey();
                for (Map.Entry<String, String> value : pathValues.entrySet()) {
                    url = url.replace("{" + value.getKey() + "}", value.getValue());
                }
                Request request = new Request(method, url, contentType, body);
                expect(wrong, request, "nobody", clients.apply(null), 401);
                expect(wrong, request, "a wrong password", clients.apply(null).as("admin", "not-it"), 401);
                for (String role : TestUsers.ROLES) {
                    expect(wrong, request, role, clients.apply(role), allowed.contains(role) ? null : 403);
                }
                operations++;
            }
        }
        return new Outcome(operations, wrong);
    }

    private record Request(String method, String url, String contentType, String body) {}

    /** @param status the status expected, or {@code null} for "let through": anything but 401 and 403 */
    private static void expect(List<String> wrong, Request request, String who, TestHttp http, Integer status) {
        int answered = http.statusOf(request.method(), request.url(), request.contentType(), request.body());
        boolean right = status == null ? answered != 401 && answered != 403 : answered == status;
        if (!right) {
            wrong.add(request.method() + " " + request.url()
                    + (request.contentType() == null ? "" : " (" + request.contentType() + ")") + " as " + who + ": "
                    + answered + " instead of " + (status == null ? "let through" : status));
        }
    }

    /** The roles the endpoint's rule names, from the {@code @PreAuthorize} its annotation carries. */
    private Set<String> declaredRoles(String method, String path) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
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
                if (rule == null) {
                    throw new AssertionError("no rule on " + method + " " + path);
                }
                if (rule.value().equals("permitAll()")) {
                    return Set.copyOf(TestUsers.ROLES);
                }
                Set<String> roles = new LinkedHashSet<>();
                Matcher names = ROLES.matcher(rule.value());
                while (names.find()) {
                    roles.add(names.group(1));
                }
                return roles;
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
