package com.shisha.web;

import com.shisha.web.api.ApiProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (a filter, the container itself) reach /error; they leave in the same JSON
 * shape as everything else instead of Boot's default body, and never with a stack trace.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = "application/json")
    ResponseEntity<ApiProblem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        String error = status.is5xxServerError() ? "internal_error" : status.name().toLowerCase(java.util.Locale.ROOT);
        String message = status.is5xxServerError() ? "something went wrong on our side; it has been logged" : status.getReasonPhrase();
        return ApiErrorAdvice.error(status, error, message);
    }
}
