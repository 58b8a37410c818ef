package com.customer360.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The API takes JSON only, so a multipart body is never parsed: parsing one would read it past the request size limit
 * (the container reads parts itself, not through {@link RequestSizeLimit}), and a malformed one fails with an
 * unexpected error. Such a request is answered like any other unsupported content type, with a 415.
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
class NoMultipart implements MultipartResolver {

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return false;
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
        throw new MultipartException("multipart requests are not accepted");
    }

    @Override
    public void cleanupMultipart(MultipartHttpServletRequest request) {}
}
