package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import com.customer360.query.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Pins every request to one version of the customer-details view before its handler runs, and says which in the
 * {@value #HEADER} header: the active version, or the one asked for with {@code ?view=<version>} (an as-of snapshot,
 * a rebuild, the previous version). Whatever the handler reads then comes from that version, however many queries it
 * makes and even if a switch lands meanwhile. Runs after the endpoint's rule, so a caller the endpoint refuses learns
 * nothing about versions.
 */
@Configuration(proxyBeanMethods = false)
class ViewSelection implements AsyncHandlerInterceptor {

    static final String HEADER = "X-View-Version";
    static final String PARAMETER = "view";

    private final ReadVersions versions;
    private final ReadableVersions readable;

    ViewSelection(ReadVersions versions, ReadableVersions readable) {
        this.versions = versions;
        this.readable = readable;
    }

    @Bean
    WebMvcConfigurer viewSelectionInterceptor() {
        ViewSelection selection = this;
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(selection).order(10);
            }
        };
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        String asked = request.getParameter(PARAMETER);
        int version = asked == null ? versions.active(ReadVersions.CUSTOMER_DETAILS) : asked(asked);
        versions.pin(version);
        response.setHeader(HEADER, Integer.toString(version));
        return true;
    }

    private int asked(String asked) {
        int version;
        try {
            version = Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(PARAMETER, "must be a version number of the customer-details view");
        }
        readable.refusal(version).ifPresent(reason -> {
            throw new InvalidParameterException(PARAMETER, reason);
        });
        return version;
    }

    @Override
    public void afterConcurrentHandlingStarted(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        versions.unpin();
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        versions.unpin();
    }
}
