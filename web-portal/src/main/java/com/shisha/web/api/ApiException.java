package com.shisha.web.api;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A refusal the client can act on, answered as {@link ApiProblem} with this status and code. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ApiProblem.FieldProblem> fields;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** With the fields to show next to the form inputs, like a failed request validation. */
    public ApiException(HttpStatus status, String code, String message, List<ApiProblem.FieldProblem> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public List<ApiProblem.FieldProblem> fields() {
        return fields;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " was not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }
}
