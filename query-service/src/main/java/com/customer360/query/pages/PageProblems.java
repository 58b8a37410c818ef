package com.customer360.query.pages;

import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors of the pages as pages, with the status a browser and a crawler understand (404 for an unknown customer or
 * order), never the API's problem+json: the API's own handler would otherwise answer for these controllers too.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(ErrorResponseException.class)
    String known(ErrorResponseException e, Model model, HttpServletResponse response) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        String title = e.getBody().getTitle() == null
                ? status.getReasonPhrase()
                : e.getBody().getTitle();
        return problem(status, title, e.getBody().getDetail(), model, response);
    }

    @ExceptionHandler(PageParameterException.class)
    String badParameter(PageParameterException e, Model model, HttpServletResponse response) {
        return problem(HttpStatus.BAD_REQUEST, "This page cannot be shown", e.getMessage(), model, response);
    }

    @ExceptionHandler(MongoException.class)
    String storeUnavailable(MongoException e, Model model, HttpServletResponse response) {
        log.warn("Read model store unavailable: {}", e.getClass().getSimpleName());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Customer 360 is unavailable",
                "The customer data cannot be reached right now; try again in a moment.",
                model,
                response);
    }

    /** Left to Spring Security, which sends the login page or a 403. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error while rendering a page", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "This page could not be shown.",
                model,
                response);
    }

    private static String problem(
            HttpStatus status, String title, String detail, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "pages/problem";
    }
}
