package com.customer360.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies an endpoint's rule before anything of the request is read: the method-security proxy would only run after
 * the arguments were bound and validated, so a caller without the role would learn from a 400 which parameters the
 * endpoint takes. The same {@code @PreAuthorize} expression decides in both places.
 */
final class RuleCheck implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(EndpointRules.OUR_PACKAGES)) {
            return true;
        }
        Object bean = method.getBean() instanceof String ? null : method.getBean();
        AuthorizationResult result = rules.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(bean, method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("The endpoint's rule does not admit this caller");
        }
        return true;
    }
}
