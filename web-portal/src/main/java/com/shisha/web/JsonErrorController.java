package com.shisha.web;

import com.shisha.web.api.ApiProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        ApiProblem problem = problem(code instanceof Integer c ? c : 500);
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON).body(problem);
    }

    /** The error for a status the container or a filter set: the status's name as the code, its reason as the message. */
    static ApiProblem problem(int code) {
        HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        String error = status.is5xxServerError() ? "internal_error" : status.name().toLowerCase(java.util.Locale.ROOT);
        String message = status.is5xxServerError() ? "something went wrong on our side; it has been logged" : status.getReasonPhrase();
        return new ApiProblem(error, message, status.value());
    }
}
