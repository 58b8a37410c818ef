package com.customer360.command.web;

import com.customer360.security.OpenToAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the container's error dispatches (a status set outside Spring MVC, an exception escaping a filter) and
 * direct requests to {@code /error} with problem+json, in place of Spring Boot's error page, which answers a direct
 * request with a 500. It writes the problem itself: content negotiation could fail on the very header that caused
 * the error.
 */
@Controller
@OpenToAll
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (response.isCommitted()) {
            return;
        }
        problems.write(
                request,
                response,
                Problems.forStatus(status instanceof Integer code ? code : HttpStatus.NOT_FOUND.value()));
    }
}
