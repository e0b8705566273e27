package com.shisha.web;

import com.shisha.web.api.ApiException;
import com.shisha.web.api.ApiProblem;
import com.shisha.web.api.BodyLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/** Every error leaves as the same JSON shape, and never with a stack trace; the log says what happened. */
@RestControllerAdvice
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiProblem> refused(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem(e.code(), e.getMessage(), e.status().value(), e.fields()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiProblem> invalid(MethodArgumentNotValidException e) {
        // one problem per field (a blank phone broke both @NotBlank and @Pattern, and the page showed both): a missing
        // value first, else the first constraint it broke
        java.util.Map<String, ApiProblem.FieldProblem> byField = new java.util.TreeMap<>();
        for (org.springframework.validation.FieldError f : e.getBindingResult().getFieldErrors()) {
            boolean missing = "NotBlank".equals(f.getCode()) || "NotNull".equals(f.getCode()) || "NotEmpty".equals(f.getCode());
            ApiProblem.FieldProblem problem = new ApiProblem.FieldProblem(f.getField(), f.getDefaultMessage(), missing ? "required" : "invalid");
            byField.merge(f.getField(), problem, (kept, next) -> "required".equals(next.code()) ? next : kept);
        }
        List<ApiProblem.FieldProblem> fields = List.copyOf(byField.values());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem("validation_failed", "some fields are not valid", 400, fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiProblem> invalidParameters(HandlerMethodValidationException e) {
        List<ApiProblem.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiProblem.FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem("validation_failed", "some parameters are not valid", 400, fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiProblem> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "'" + e.getName() + "' has the wrong type");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", tooLarge.getMessage());
            }
        }
        return error(HttpStatus.BAD_REQUEST, "bad_request", "the request body could not be read as the expected JSON");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiProblem> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "content type " + e.getContentType() + " is not accepted here; supported: " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiProblem> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "this resource answers in " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiProblem> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiProblem> notFound(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "no such resource: /" + e.getResourcePath());
    }

    /**
     * The container could not decode the query string or the form (a stray '%', bytes that are not UTF-8, too many
     * parameters): the client's fault, which Tomcat itself would answer with the code it carries, not a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiProblem> undecodableParameters(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return error(status, status == HttpStatus.CONTENT_TOO_LARGE ? "payload_too_large" : "bad_request",
                "the query string or form could not be decoded: use UTF-8 and valid percent-encoding");
    }

    /** A body announced as multipart that is not (no endpoint takes multipart; the dispatcher parses it anyway). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiProblem> unreadableMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the multipart body is too large");
        }
        return error(HttpStatus.BAD_REQUEST, "bad_request", "the multipart body could not be read; this API takes JSON");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e, HttpServletRequest request) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "something went wrong on our side; it has been logged");
    }

    static ResponseEntity<ApiProblem> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiProblem(code, message, status.value()));
    }
}
