package com.customer360.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start a service with an endpoint of its own that declares no rule: every handler method of the service's
 * packages must carry one of the rule annotations (on itself or its class). So a new endpoint cannot be forgotten —
 * it is closed until someone says who may use it. Endpoints of libraries (the API documentation, the error page) are
 * ruled in {@link ServiceSecurity}.
 */
final class EndpointRules implements ApplicationListener<ApplicationStartedEvent> {

    static final String OUR_PACKAGES = "com.customer360.";

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        List<String> unruled = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : event.getApplicationContext()
                .getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                    mapping.getHandlerMethods().entrySet()) {
                HandlerMethod method = handler.getValue();
                if (method.getBeanType().getName().startsWith(OUR_PACKAGES) && ruleOf(method) == null) {
                    unruled.add(method.getBeanType().getSimpleName() + "."
                            + method.getMethod().getName() + " " + handler.getKey());
                }
            }
        }
        if (!unruled.isEmpty()) {
            throw new IllegalStateException("These endpoints declare no rule of who may use them (annotate them with "
                    + "@ReadsCustomers, @SendsCommands, @RunsViews, @Administers or @OpenToAll): " + unruled);
        }
    }

    /** The rule an endpoint declares, or {@code null}. */
    static PreAuthorize ruleOf(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        return rule != null
                ? rule
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
